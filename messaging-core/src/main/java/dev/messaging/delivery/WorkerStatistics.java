package dev.messaging.delivery;

import dev.messaging.message.DeliveryChannel;
import java.time.Instant;
import java.util.Map;

/**
 * A delivery worker's counts since it started: per channel ({@link SendCounts}), the claims it made
 * and when it last claimed ({@code lastClaim}, null before the first). Kept with a few uncontended
 * counter increments per send; reading them costs nothing of the worker's.
 */
public record WorkerStatistics(Map<DeliveryChannel, SendCounts> byChannel, long claims, Instant lastClaim) {

    /** A copy that cannot change. */
    public WorkerStatistics {
        byChannel = Map.copyOf(byChannel);
    }

    /** The counts of {@code channel} ({@link SendCounts#NONE} when it has none). */
    public SendCounts of(DeliveryChannel channel) {
        return byChannel.getOrDefault(channel, SendCounts.NONE);
    }
}
