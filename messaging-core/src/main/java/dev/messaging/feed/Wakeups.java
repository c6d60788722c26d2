package dev.messaging.feed;

import dev.messaging.common.Tenant;
import dev.messaging.kernel.Generation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The change-feed waiters' wake-ups, one {@link Generation} per tenant that someone waits on,
 * moved at each commit of the tenant (this instance's, or another's where the store can tell). A
 * wake-up carries no data: the waiter reads the feed again. A tenant's entry lives only while
 * someone waits on it ({@link #acquire} ... {@link #release}), so waits on many tenants (or on
 * tenants that do not exist) leave nothing behind, and a commit of a tenant nobody waits on costs a
 * map lookup.
 */
final class Wakeups {
    private final Map<Tenant, Waiting> tenants = new ConcurrentHashMap<>();

    /** A tenant's generation and how many wait on it. */
    private static final class Waiting {
        final Generation generation = new Generation();
        int waiters;
    }

    /** The tenant's generation, counted as waited on until {@link #release}. */
    Generation acquire(Tenant tenant) {
        return tenants.compute(tenant, (t, w) -> {
            Waiting waiting = w == null ? new Waiting() : w;
            waiting.waiters++;
            return waiting;
        }).generation;
    }

    /** One wait on the tenant ended; its entry goes with the last. */
    void release(Tenant tenant) {
        tenants.computeIfPresent(tenant, (t, w) -> --w.waiters == 0 ? null : w);
    }

    /** How many tenants someone waits on (for tests). */
    int waited() {
        return tenants.size();
    }

    /** A write of {@code tenant} committed (null: maybe any tenant). */
    void committed(Tenant tenant) {
        if (tenant == null) {
            tenants.values().forEach(w -> w.generation.advance());
        } else {
            Waiting waiting = tenants.get(tenant);
            if (waiting != null) {
                waiting.generation.advance();
            }
        }
    }
}
