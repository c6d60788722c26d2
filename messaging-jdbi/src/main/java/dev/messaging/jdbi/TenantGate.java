package dev.messaging.jdbi;

import dev.messaging.common.Tenant;
import dev.messaging.error.StorageException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Where this instance's writers queue before they take a connection, with a bounded wait. On
 * SQLite one lock for all (the database has one writer); elsewhere a few writers per tenant at
 * once ({@code perTenant}), because a tenant's writes run one at a time in the database anyway:
 * more writers of the same tenant would only hold connections while they wait for the first, and
 * a stuck tenant could then take every connection of the pool from the others. Two rather than
 * one where the pool is large enough: the second waits in the database for the first's COMMIT,
 * so with the database across a network a write holds its tenant from its lock to its COMMIT
 * instead of for its whole call (NetworkDistanceBenchmark, oneTenantFourWriters). Fair, so
 * writers go in arrival order.
 */
final class TenantGate {
    private final ReentrantLock single;
    private final Map<Tenant, Semaphore> tenants = new ConcurrentHashMap<>();
    private final int perTenant;
    private final long timeoutMillis;

    /** A gate of one writer in all ({@code singleWriter}), else of {@code perTenant} writers per tenant. */
    TenantGate(boolean singleWriter, int perTenant, Duration timeout) {
        this.single = singleWriter ? new ReentrantLock(true) : null;
        this.perTenant = perTenant;
        this.timeoutMillis = timeout.toMillis();
    }

    private Semaphore turnsOf(Tenant tenant) {
        return tenants.computeIfAbsent(tenant, t -> new Semaphore(perTenant, true));
    }

    /** Waits (bounded) for the tenant's turn to write; a retryable {@link StorageException} when it does not come. */
    void acquire(Tenant tenant) {
        try {
            if (single != null ? single.tryLock(timeoutMillis, TimeUnit.MILLISECONDS)
                    : turnsOf(tenant).tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
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
        if (single != null) {
            single.unlock();
        } else {
            turnsOf(tenant).release();
        }
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
