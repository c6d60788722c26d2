package dev.messaging.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test sets and moves by hand, in UTC: scheduled sends fall due, snoozes end and retries
 * wait exactly as long as the test says. Thread-safe: a worker's threads and the test's share it.
 *
 * <pre>{@code
 * SettableClock clock = new SettableClock(Instant.parse("2026-01-05T09:00:00Z"));
 * Messaging messaging = Messaging.builder(new InMemoryStore()).clock(clock).build();
 * clock.advance(Duration.ofHours(1));
 * }</pre>
 */
public final class SettableClock extends Clock {
    private final AtomicReference<Instant> now;

    /** A clock that reads {@code start} until set or advanced. */
    public SettableClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start"));
    }

    /** Moves the clock forward (or back, for a negative duration); returns the new time. */
    public Instant advance(Duration by) {
        Objects.requireNonNull(by, "by");
        return now.updateAndGet(t -> t.plus(by));
    }

    /** Sets the time the clock reads. */
    public void set(Instant value) {
        now.set(Objects.requireNonNull(value, "value"));
    }

    /** The time the clock was set to. */
    @Override
    public Instant instant() {
        return now.get();
    }

    /** UTC, always. */
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Refused: a settable clock stays in UTC (the library reads instants only). */
    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("a settable clock stays in UTC");
    }
}
