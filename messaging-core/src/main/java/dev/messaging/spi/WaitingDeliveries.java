package dev.messaging.spi;

import dev.messaging.message.DeliveryChannel;
import java.time.Instant;

/**
 * The deliveries of one channel that wait (Pending or Scheduled), across tenants, as a store counts
 * them for the outbox's statistics: how many of each status, how many are due at the time asked
 * (a leased one is due at its lease's end), and the due time of the earliest due one (null if none).
 */
public record WaitingDeliveries(DeliveryChannel channel, long pending, long scheduled, long due, Instant oldestDue) {
}
