package dev.messaging.jdbi;

import dev.messaging.common.Tenant;
import dev.messaging.error.StorageException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where this instance's writers queue before they take a connection, with a bounded wait. On
 * SQLite one lock for all (the database has one writer); elsewhere one per tenant, because a
 * tenant's writes run one at a time in the database anyway: a second writer of the same tenant
 * would only hold a connection while it waits for the first, and a stuck tenant could then take
 * every connection of the pool from the others. Fair, so writers go in arrival order.
 */
final class TenantGate {
    private final ReentrantLock single;
    private final Map<Tenant, ReentrantLock> perTenant = new ConcurrentHashMap<>();
    private final long timeoutMillis;

    TenantGate(boolean singleWriter, Duration timeout) {
        this.single = singleWriter ? new ReentrantLock(true) : null;
        this.timeoutMillis = timeout.toMillis();
    }

    private ReentrantLock lockOf(Tenant tenant) {
        return single != null ? single : perTenant.computeIfAbsent(tenant, t -> new ReentrantLock(true));
    }

    /** Waits (bounded) for the tenant's turn to write; a retryable {@link StorageException} when it does not come. */
    void acquire(Tenant tenant) {
        ReentrantLock lock = lockOf(tenant);
        try {
            if (lock.tryLock(timeoutMillis, TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting to write", e, true);
        }
        throw new StorageException("the tenant's writes are busy: not our turn within " + timeoutMillis
                + " ms (try again)", null, true);
    }

    void release(Tenant tenant) {
        lockOf(tenant).unlock();
    }

    /** For work that needs the single writer's connection (a store on one connection); no-op per tenant. */
    void acquireAll() {
        if (single != null) {
            acquire(null);
        }
    }

    /** Takes the single writer's lock if it is free this instant (a fair lock's waiters notwithstanding). */
    boolean tryAcquireAll() {
        return single == null || single.tryLock();
    }

    /** Whether writers are waiting for the single writer's lock. */
    boolean hasQueuedWriters() {
        return single != null && single.hasQueuedThreads();
    }

    void releaseAll() {
        if (single != null) {
            single.unlock();
        }
    }
}
