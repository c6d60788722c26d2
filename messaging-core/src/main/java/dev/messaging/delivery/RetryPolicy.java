package dev.messaging.delivery;

import java.time.Duration;

/**
 * When a delivery that should be retried is tried again: after {@code initialDelay}, doubling
 * ({@code multiplier}) up to {@code maxDelay}, each delay spread by up to {@code jitter} (a
 * fraction, so that retries of one outage do not all come back at once); after
 * {@code maxAttempts} attempts it ends in Error with the last reason. Default: 30 s doubling to
 * 1 h, 8 attempts, 20% jitter.
 */
public record RetryPolicy(Duration initialDelay, double multiplier, Duration maxDelay, int maxAttempts,
        double jitter) {

    public RetryPolicy {
        if (initialDelay == null || initialDelay.isNegative() || maxDelay == null || maxDelay.compareTo(initialDelay) < 0
                || multiplier < 1 || maxAttempts < 1 || jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("a retry policy needs 0 <= initialDelay <= maxDelay, multiplier >= 1,"
                    + " maxAttempts >= 1, 0 <= jitter <= 1");
        }
    }

    /** 30 s doubling up to 1 h, 8 attempts in all, 20 % jitter. */
    public static RetryPolicy defaults() {
        return new RetryPolicy(Duration.ofSeconds(30), 2, Duration.ofHours(1), 8, 0.2);
    }

    /** The delay before attempt {@code attempt + 1}, with jitter from {@code random} in [0, 1). */
    public Duration delayAfter(int attempt, double random) {
        double base = initialDelay.toMillis() * Math.pow(multiplier, Math.max(0, attempt - 1));
        double capped = Math.min(base, maxDelay.toMillis());
        double spread = capped * jitter * (2 * random - 1);
        return Duration.ofMillis(Math.max(0, Math.round(Math.min(capped + spread, maxDelay.toMillis()))));
    }
}
