package dev.messaging.outbox;

import dev.messaging.delivery.SendCounts;
import dev.messaging.delivery.SendResult;
import dev.messaging.delivery.WorkerStatistics;
import dev.messaging.message.DeliveryChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * A worker's counts (see {@link WorkerStatistics}): striped adders, so that its threads never
 * contend on them; a snapshot sums them.
 */
final class WorkerCounters {
    /** The counts of one channel. */
    private static final class Channel {
        final LongAdder handedOver = new LongAdder();
        final LongAdder sent = new LongAdder();
        final LongAdder retried = new LongAdder();
        final LongAdder failed = new LongAdder();
        final LongAdder optedOut = new LongAdder();
        final LongAdder timedOut = new LongAdder();
        final LongAdder released = new LongAdder();
        final LongAdder expired = new LongAdder();
        final LongAdder sendNanos = new LongAdder();
        final AtomicLong maxSendNanos = new AtomicLong();

        SendCounts snapshot() {
            return new SendCounts(handedOver.sum(), sent.sum(), retried.sum(), failed.sum(), optedOut.sum(),
                    timedOut.sum(), released.sum(), expired.sum(), Duration.ofNanos(sendNanos.sum()),
                    Duration.ofNanos(maxSendNanos.get()));
        }
    }

    private final Map<DeliveryChannel, Channel> channels = new EnumMap<>(DeliveryChannel.class);
    private final LongAdder claims = new LongAdder();
    private final AtomicReference<Instant> lastClaim = new AtomicReference<>();

    WorkerCounters() {
        for (DeliveryChannel channel : DeliveryChannel.values()) {
            channels.put(channel, new Channel());
        }
    }

    /** A claim was made at {@code at}. */
    void claimed(Instant at) {
        claims.increment();
        lastClaim.set(at);
    }

    /** A delivery was handed over on {@code channel}; the sender answered {@code result} after {@code nanos}. */
    void sent(DeliveryChannel channel, SendResult result, long nanos) {
        Channel c = channels.get(channel);
        c.handedOver.increment();
        c.sendNanos.add(nanos);
        c.maxSendNanos.accumulateAndGet(nanos, Math::max);
        switch (result.kind()) {
            case SENT -> c.sent.increment();
            case RETRY_LATER -> c.retried.increment();
            case FAILED -> c.failed.increment();
            case OPTED_OUT -> c.optedOut.increment();
        }
    }

    /** A send on {@code channel} ran past the send timeout. */
    void timedOut(DeliveryChannel channel) {
        channels.get(channel).timedOut.increment();
    }

    /** {@code count} claimed deliveries of {@code channel} went back unsent. */
    void released(DeliveryChannel channel, int count) {
        channels.get(channel).released.add(count);
    }

    /** {@code count} deliveries of {@code channel}, which no worker sends on, expired as failed. */
    void expired(DeliveryChannel channel, int count) {
        channels.get(channel).expired.add(count);
    }

    /** When the last claim was made, or null. */
    Instant lastClaim() {
        return lastClaim.get();
    }

    WorkerStatistics snapshot() {
        Map<DeliveryChannel, SendCounts> byChannel = new EnumMap<>(DeliveryChannel.class);
        channels.forEach((channel, counts) -> {
            SendCounts snapshot = counts.snapshot();
            if (snapshot.handedOver() > 0 || snapshot.released() > 0 || snapshot.expired() > 0) {
                byChannel.put(channel, snapshot);
            }
        });
        return new WorkerStatistics(byChannel, claims.sum(), lastClaim.get());
    }
}
