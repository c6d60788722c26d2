package dev.messaging.feed;

import dev.messaging.common.Tenant;
import dev.messaging.kernel.Generation;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The change-feed waiters' wake-ups, one {@link Generation} per tenant, moved at each commit of
 * the tenant (this instance's, or another's where the store can tell). A wake-up carries no data:
 * the waiter reads the feed again.
 */
final class Wakeups {
    private final Map<Tenant, Generation> tenants = new ConcurrentHashMap<>();

    Generation of(Tenant tenant) {
        return tenants.computeIfAbsent(tenant, t -> new Generation());
    }

    /** A write of {@code tenant} committed (null: maybe any tenant). */
    void committed(Tenant tenant) {
        if (tenant == null) {
            tenants.values().forEach(Generation::advance);
        } else {
            of(tenant).advance();
        }
    }
}
