package dev.messaging.delivery;

import java.time.Duration;

/**
 * What waits to be sent on one channel, across tenants: deliveries {@code pending} and
 * {@code scheduled}, how many of them are {@code due} now, and how long the earliest due one has
 * been due ({@code lag}; zero when none is): a lag that grows while the worker claims nothing means
 * the outbox is stuck.
 */
public record Backlog(long pending, long scheduled, long due, Duration lag) {
    /** Nothing waits. */
    public static final Backlog EMPTY = new Backlog(0, 0, 0, Duration.ZERO);
}
