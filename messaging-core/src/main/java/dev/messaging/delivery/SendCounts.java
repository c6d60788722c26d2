package dev.messaging.delivery;

import java.time.Duration;

/**
 * What a worker did on one channel since it started: deliveries {@code handedOver} to a sender
 * or notifier, their outcomes ({@code sent}, {@code retried}, {@code failed}, {@code optedOut}; a
 * send past the send timeout counts as {@code timedOut} and as retried), claimed deliveries given back
 * unsent ({@code released}: the batch ran out of lease), deliveries of a channel no worker sends on
 * that it failed after {@code expireUnsentAfter} ({@code expired}), and the time senders took
 * ({@code sendTime} in all, {@code maxSendTime} the longest).
 */
public record SendCounts(long handedOver, long sent, long retried, long failed, long optedOut, long timedOut,
        long released, long expired, Duration sendTime, Duration maxSendTime) {
    /** Nothing yet. */
    public static final SendCounts NONE = new SendCounts(0, 0, 0, 0, 0, 0, 0, 0, Duration.ZERO, Duration.ZERO);
}
