package dev.messaging.delivery;

import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import java.time.Instant;

/**
 * Which deliveries of a tenant an operator lists ({@code deliveries().list}): of a {@code status}
 * and a {@code channel} (null: any), created before {@code createdBefore} (null: any time), oldest
 * first, {@code limit} per page (1..100, default 50), resumed {@code after} a page's cursor.
 */
public record DeliveryQuery(DeliveryStatus status, DeliveryChannel channel, Instant createdBefore, Integer limit,
        String after) {

    /** Every delivery of the tenant, oldest first. */
    public static DeliveryQuery all() {
        return new DeliveryQuery(null, null, null, null, null);
    }

    /** Only deliveries of {@code value} (Error, say: the failed ones). */
    public DeliveryQuery status(DeliveryStatus value) {
        return new DeliveryQuery(value, channel, createdBefore, limit, after);
    }

    /** Only deliveries on {@code value}. */
    public DeliveryQuery channel(DeliveryChannel value) {
        return new DeliveryQuery(status, value, createdBefore, limit, after);
    }

    /** Only deliveries created before {@code value} (older than an age). */
    public DeliveryQuery createdBefore(Instant value) {
        return new DeliveryQuery(status, channel, value, limit, after);
    }

    /** Pages of {@code value} deliveries. */
    public DeliveryQuery limit(Integer value) {
        return new DeliveryQuery(status, channel, createdBefore, value, after);
    }

    /** The page after the one whose cursor is {@code cursor}. */
    public DeliveryQuery after(String cursor) {
        return new DeliveryQuery(status, channel, createdBefore, limit, cursor);
    }
}
