package dev.messaging;

import dev.messaging.common.Tenant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Wake-ups, pushed at commit: a tenant's change-feed waiters (long polls and subscriptions), and
 * the delivery workers when a write put deliveries in the outbox. A wake-up carries no data: the
 * waiter reads the feed (or claims) again, so a wake-up lost or repeated changes nothing but time.
 * Each signal is a generation counter: a waiter reads it before it looks, and waits for it to move.
 */
final class Signals {
    private final Map<Tenant, Generation> tenants = new ConcurrentHashMap<>();
    private final Generation deliveries = new Generation();

    /** A counter to wait on. */
    static final class Generation {
        private long value;

        synchronized long value() {
            return value;
        }

        synchronized void advance() {
            value++;
            notifyAll();
        }

        /** Waits until the counter moves past {@code seen}, or {@code millis} pass; true if it moved. */
        synchronized boolean awaitPast(long seen, long millis) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (value == seen) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
            return true;
        }
    }

    Generation of(Tenant tenant) {
        return tenants.computeIfAbsent(tenant, t -> new Generation());
    }

    Generation deliveries() {
        return deliveries;
    }

    /** A write of {@code tenant} committed (null: maybe any tenant); {@code outbox}: it wrote deliveries. */
    void committed(Tenant tenant, boolean outbox) {
        if (tenant == null) {
            tenants.values().forEach(Generation::advance);
        } else {
            of(tenant).advance();
        }
        if (outbox) {
            deliveries.advance();
        }
    }
}
