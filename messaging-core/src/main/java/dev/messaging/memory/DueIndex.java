package dev.messaging.memory;

import dev.messaging.common.Tenant;
import dev.messaging.delivery.Delivery;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The waiting deliveries of every tenant, per channel, in due order: what a claim walks. Holds
 * only deliveries that wait (Pending or Scheduled), keyed by when they become claimable; a claimed
 * delivery's key moves to its lease's end. Concurrent: tenants write it under their own locks.
 */
final class DueIndex {
    /** One waiting delivery. */
    record Due(Instant dueAt, Tenant tenant, String id) {
    }

    private static final Comparator<Due> ORDER = Comparator.comparing(Due::dueAt)
            .thenComparing(d -> d.tenant().companyId()).thenComparing(d -> d.tenant().locationId())
            .thenComparing(Due::id);

    private final Map<DeliveryChannel, NavigableSet<Due>> byChannel = new EnumMap<>(DeliveryChannel.class);

    DueIndex() {
        for (DeliveryChannel channel : DeliveryChannel.values()) {
            byChannel.put(channel, new ConcurrentSkipListSet<>(ORDER));
        }
    }

    private static boolean waiting(Delivery task) {
        return task != null && task.status() != null && !task.status().isFinal()
                && (task.status() == DeliveryStatus.PENDING
                || task.status() == DeliveryStatus.SCHEDULED);
    }

    /** Moves a delivery's entry from {@code before} to {@code after} (either may be null). */
    void replace(Tenant tenant, Delivery before, Delivery after) {
        if (waiting(before)) {
            byChannel.get(before.channel()).remove(new Due(before.dueAt(), tenant, before.id()));
        }
        if (waiting(after)) {
            byChannel.get(after.channel()).add(new Due(after.dueAt(), tenant, after.id()));
        }
    }

    /** Every waiting delivery of {@code channel}, earliest due first. */
    NavigableSet<Due> all(DeliveryChannel channel) {
        return byChannel.get(channel);
    }

    /** The waiting deliveries of {@code channel} due at {@code now}, earliest first. */
    NavigableSet<Due> dueBy(DeliveryChannel channel, Instant now) {
        return byChannel.get(channel).headSet(new Due(now, new Tenant("\uffff", "\uffff"), "\uffff"), true);
    }
}
