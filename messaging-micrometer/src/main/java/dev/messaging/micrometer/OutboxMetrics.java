package dev.messaging.micrometer;

import dev.messaging.delivery.Backlog;
import dev.messaging.delivery.OutboxStatistics;
import dev.messaging.delivery.SendCounts;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.outbox.Deliveries;
import dev.messaging.outbox.DeliveryWorker;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The outbox's meters for a Micrometer registry, the way HikariCP and Resilience4j ship theirs:
 * {@code new OutboxMetrics(messaging.deliveries(), worker).bindTo(registry)}. Every meter is tagged
 * by {@code channel} (sms, email, in_app):
 * <ul>
 *   <li>{@code messaging.deliveries.waiting} (gauge, tag {@code status}: pending, scheduled, due) and
 *       {@code messaging.deliveries.lag} (time gauge: how long the earliest due delivery has been
 *       due), from the outbox's statistics, across tenants;</li>
 *   <li>{@code messaging.deliveries.outcomes} (counter, tag {@code outcome}: sent, retried, failed,
 *       opted_out, timed_out, released, expired), {@code messaging.deliveries.send} (timer: hand-overs and
 *       the time senders took) and {@code messaging.deliveries.send.max} (time gauge), from the
 *       worker's statistics;</li>
 *   <li>{@code messaging.worker.healthy} (gauge, 1 or 0, no channel tag) from the worker's health.</li>
 * </ul>
 * The gauges hold this binder strongly (a registry keeps it alive); the counters and timers read the
 * worker, which the service keeps. The worker's counts cost nothing to read. The outbox's statistics and the health are a query each:
 * a scrape runs them at most once per {@code refresh} (default 10 s) and reuses the last result between.
 */
public final class OutboxMetrics implements MeterBinder {
    private final Deliveries deliveries;
    private final DeliveryWorker worker;
    private final Duration refresh;
    private volatile Cached cached;

    /** A reading of the outbox's statistics and the worker's health, and when (nanoTime). */
    private record Cached(long at, OutboxStatistics statistics, boolean healthy) {
    }

    /** Meters of {@code deliveries} and of {@code worker}, the store queried at most every 10 s. */
    public OutboxMetrics(Deliveries deliveries, DeliveryWorker worker) {
        this(deliveries, worker, Duration.ofSeconds(10));
    }

    /** Meters of {@code deliveries} and {@code worker}, the store queried at most once per {@code refresh}. */
    public OutboxMetrics(Deliveries deliveries, DeliveryWorker worker, Duration refresh) {
        this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
        this.worker = Objects.requireNonNull(worker, "worker");
        if (refresh == null || refresh.isNegative()) {
            throw new IllegalArgumentException("refresh must be zero or positive");
        }
        this.refresh = refresh;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (DeliveryChannel channel : DeliveryChannel.values()) {
            String tag = channel.name().toLowerCase(Locale.ROOT);
            waiting(registry, tag, "pending", channel, Backlog::pending);
            waiting(registry, tag, "scheduled", channel, Backlog::scheduled);
            waiting(registry, tag, "due", channel, Backlog::due);
            TimeGauge.builder("messaging.deliveries.lag", this,
                    TimeUnit.MILLISECONDS, m -> m.reading().statistics().of(channel).lag().toMillis())
                    .tag("channel", tag).description("How long the earliest due delivery has been due")
                    .strongReference(true).register(registry);
            outcome(registry, tag, "sent", channel, SendCounts::sent);
            outcome(registry, tag, "retried", channel, SendCounts::retried);
            outcome(registry, tag, "failed", channel, SendCounts::failed);
            outcome(registry, tag, "opted_out", channel, SendCounts::optedOut);
            outcome(registry, tag, "timed_out", channel, SendCounts::timedOut);
            outcome(registry, tag, "released", channel, SendCounts::released);
            outcome(registry, tag, "expired", channel, SendCounts::expired);
            FunctionTimer.builder("messaging.deliveries.send", worker,
                    w -> w.statistics().of(channel).handedOver(),
                    w -> w.statistics().of(channel).sendTime().toNanos(), TimeUnit.NANOSECONDS)
                    .tag("channel", tag).description("Deliveries handed to a sender, and the time senders took")
                    .register(registry);
            TimeGauge.builder("messaging.deliveries.send.max", worker, TimeUnit.NANOSECONDS,
                    w -> w.statistics().of(channel).maxSendTime().toNanos())
                    .tag("channel", tag).description("The longest a sender took").register(registry);
        }
        Gauge.builder("messaging.worker.healthy", this, m -> m.reading().healthy() ? 1 : 0)
                .description("1 while the delivery worker's threads live and it keeps the outbox moving")
                .strongReference(true).register(registry);
    }

    private void waiting(MeterRegistry registry, String tag, String status, DeliveryChannel channel,
            ToLongFunction<Backlog> count) {
        Gauge.builder("messaging.deliveries.waiting", this,
                (ToDoubleFunction<OutboxMetrics>) m -> count.applyAsLong(m.reading().statistics().of(channel)))
                .tags("channel", tag, "status", status).description("Deliveries waiting in the outbox, across tenants")
                .strongReference(true).register(registry);
    }

    private void outcome(MeterRegistry registry, String tag, String outcome, DeliveryChannel channel,
            ToLongFunction<SendCounts> count) {
        FunctionCounter.builder("messaging.deliveries.outcomes", worker,
                w -> count.applyAsLong(w.statistics().of(channel)))
                .tags("channel", tag, "outcome", outcome).description("Outcomes of the worker's hand-overs")
                .register(registry);
    }

    /** The last reading, or a new one when it is older than the refresh period. */
    private Cached reading() {
        Cached last = cached;
        long now = System.nanoTime();
        if (last == null || now - last.at() >= refresh.toNanos()) {
            last = new Cached(now, deliveries.statistics(), worker.health().healthy());
            cached = last;
        }
        return last;
    }
}
