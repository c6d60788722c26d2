package dev.messaging.delivery;

import dev.messaging.message.DeliveryChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The outbox as it stands {@code at} an instant, across tenants: the {@link Backlog} of each
 * channel (channels with nothing waiting are absent). For operators, dashboards and health checks;
 * what was sent, retried and failed is counted by each worker ({@code DeliveryWorker.statistics()}).
 */
public record OutboxStatistics(Instant at, Map<DeliveryChannel, Backlog> backlog) {

    /** A copy that cannot change. */
    public OutboxStatistics {
        backlog = Map.copyOf(backlog);
    }

    /** The backlog of {@code channel} ({@link Backlog#EMPTY} when nothing waits). */
    public Backlog of(DeliveryChannel channel) {
        return backlog.getOrDefault(channel, Backlog.EMPTY);
    }

    /** The longest lag of any channel. */
    public Duration lag() {
        return backlog.values().stream().map(Backlog::lag).max(Duration::compareTo).orElse(Duration.ZERO);
    }
}
