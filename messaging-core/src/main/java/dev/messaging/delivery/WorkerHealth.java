package dev.messaging.delivery;

import java.time.Instant;
import java.util.List;

/**
 * Whether a delivery worker does its job, for a service's health endpoint: {@code healthy} when
 * all its {@code threads} are alive and no channel it serves has deliveries due longer than it
 * allows while it claims nothing; else {@code problems} says what is wrong, in words.
 * {@code lastClaim} is when it last claimed (null before the first), {@code lastError} the last
 * error a sender threw or the outbox gave (null if none).
 */
public record WorkerHealth(boolean healthy, int threads, int threadsAlive, Instant lastClaim, Throwable lastError,
        List<String> problems) {

    /** A copy that cannot change. */
    public WorkerHealth {
        problems = List.copyOf(problems);
    }
}
