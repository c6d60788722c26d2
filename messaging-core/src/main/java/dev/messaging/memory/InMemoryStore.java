package dev.messaging.memory;

import dev.messaging.common.Tenant;
import dev.messaging.delivery.Delivery;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.spi.EarlyReport;
import dev.messaging.spi.Store;
import dev.messaging.spi.StoreTransaction;
import dev.messaging.spi.WaitingDeliveries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;

/**
 * The store of {@code Messaging.inMemory()}: for tests of the services that embed the library,
 * and for single-process use without durability. Each tenant's rows sit behind one read-write
 * lock: writers of a tenant run one at a time (which is what makes its change feed gap-free and
 * in order), readers in parallel; tenants never wait for each other. The inbox walks an ordered
 * index from the cursor, and text queries an inverted index, so neither cost grows with the number
 * of messages; {@link #rowsTouched()} counts the rows queries read, for tests that check that.
 */
public final class InMemoryStore implements Store {
    private final Map<Tenant, TenantData> tenants = new ConcurrentHashMap<>();
    private final AtomicLong rowsTouched = new AtomicLong();
    private final DueIndex due = new DueIndex();
    private final EarlyReports early = new EarlyReports();

    /** An empty store: its rows live as long as it does. */
    public InMemoryStore() {
    }

    @Override
    public <T> T inTransaction(Tenant tenant, Function<StoreTransaction, T> work) {
        return run(tenant, work, true);
    }

    /** How many tenants hold data (for tests: reads create none). */
    int tenantCount() {
        return tenants.size();
    }

    @Override
    public <T> T read(Tenant tenant, Function<StoreTransaction, T> work) {
        return run(tenant, work, false);
    }

    private <T> T run(Tenant tenant, Function<StoreTransaction, T> work, boolean writable) {
        TenantData data = writable ? tenants.computeIfAbsent(tenant, t -> new TenantData()) : tenants.get(tenant);
        if (data == null) {
            // a read of a tenant that never wrote sees an empty one, kept nowhere: reads of many absent
            // tenants (long polls, probes) leave nothing behind (200,000 of them retained 309 MB before)
            data = new TenantData();
        }
        Lock lock = writable ? data.lock.writeLock() : data.lock.readLock();
        MemoryTransaction transaction = new MemoryTransaction(tenant, data, writable, due, early);
        lock.lock();
        try {
            return work.apply(transaction);
        } catch (RuntimeException | Error e) {
            transaction.rollback();
            throw e;
        } finally {
            lock.unlock();
            rowsTouched.addAndGet(transaction.rowsTouched());
        }
    }

    /**
     * Walks the due deliveries of the channel in order; each one is claimed under its tenant's write
     * lock, after checking it is still claimable (a cancel may have come first).
     */
    @Override
    public List<Delivery> claimDeliveries(DeliveryChannel channel, Instant now, int limit, String claimer,
            Instant leaseUntil) {
        List<Delivery> claimed = new ArrayList<>();
        for (DueIndex.Due entry : due.dueBy(channel, now)) {
            if (claimed.size() >= limit) {
                break;
            }
            TenantData data = tenants.get(entry.tenant());
            Lock lock = data.lock.writeLock();
            lock.lock();
            try {
                Delivery task = data.tasks.get(entry.id());
                if (task != null && task.claimableAt(now)) {
                    Delivery leased = task.with(b -> b.leaseHolder(claimer).leaseUntil(leaseUntil)
                            .dueAt(leaseUntil).attempts(task.attempts() + 1).version(task.version() + 1));
                    data.putTask(task.id(), leased);
                    due.replace(entry.tenant(), task, leased);
                    claimed.add(leased);
                }
            } finally {
                lock.unlock();
            }
        }
        return claimed;
    }

    @Override
    public List<WaitingDeliveries> waitingDeliveries(Instant now) {
        List<WaitingDeliveries> waiting = new ArrayList<>();
        for (DeliveryChannel channel : DeliveryChannel.values()) {
            long pending = 0;
            long scheduled = 0;
            long dueCount = 0;
            Instant oldest = null;
            for (DueIndex.Due entry : due.all(channel)) {
                TenantData data = tenants.get(entry.tenant());
                Delivery task = data == null ? null : data.tasks.get(entry.id());
                if (task == null) {
                    continue;
                }
                if (task.status() == DeliveryStatus.SCHEDULED) {
                    scheduled++;
                } else {
                    pending++;
                }
                if (!entry.dueAt().isAfter(now)) {
                    dueCount++;
                    oldest = oldest == null || entry.dueAt().isBefore(oldest) ? entry.dueAt() : oldest;
                }
            }
            if (pending + scheduled > 0) {
                waiting.add(new WaitingDeliveries(channel, pending, scheduled, dueCount, oldest));
            }
        }
        return waiting;
    }

    @Override
    public boolean keepEarlyReport(EarlyReport report, int max, Instant expiredBefore) {
        return early.keep(report, max, expiredBefore);
    }

    @Override
    public List<Tenant> tenantsWithProviderId(String providerMessageId) {
        List<Tenant> found = new ArrayList<>();
        tenants.forEach((tenant, data) -> {
            Lock lock = data.lock.readLock();
            lock.lock();
            try {
                if (data.taskByProviderId.containsKey(providerMessageId)) {
                    found.add(tenant);
                }
            } finally {
                lock.unlock();
            }
        });
        return found;
    }

    /** How many stored rows queries have read so far (a cost measure for tests, not a metric). */
    public long rowsTouched() {
        return rowsTouched.get();
    }

    @Override
    public void close() {
        // nothing opened
    }
}
