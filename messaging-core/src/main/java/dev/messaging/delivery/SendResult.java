package dev.messaging.delivery;

import java.time.Duration;

/**
 * What a sender says of one delivery: {@link #sent} (with the provider's id of what it sent),
 * {@link #retryLater} (a passing failure: tried again after a backoff, or after the provider's
 * Retry-After when it asks for longer), {@link #failed} (for good: never retried), or
 * {@link #optedOut} (the provider says the customer opted out). A sender that throws is taken as
 * {@code retryLater} with the exception's message.
 *
 * @param retryAfter how long the provider asked to wait before the next try (its Retry-After), or
 *                   null; only with {@link Kind#RETRY_LATER}
 */
public record SendResult(Kind kind, String providerMessageId, String reason, Duration retryAfter) {

    /** A result without a Retry-After. */
    public SendResult(Kind kind, String providerMessageId, String reason) {
        this(kind, providerMessageId, reason, null);
    }

    /** The four outcomes. */
    public enum Kind {
        SENT, RETRY_LATER, FAILED, OPTED_OUT
    }

    /** Sent: the provider took it, under {@code providerMessageId} (its callbacks name it). */
    public static SendResult sent(String providerMessageId) {
        return new SendResult(Kind.SENT, providerMessageId, null);
    }

    /** A passing failure: tried again after the retry policy's backoff, until the attempts run out. */
    public static SendResult retryLater(String reason) {
        return new SendResult(Kind.RETRY_LATER, null, reason);
    }

    /**
     * A passing failure the provider asked to wait {@code after} for (its Retry-After): tried again
     * after that or the retry policy's backoff, whichever is longer (a Retry-After over a day
     * counts as a day).
     */
    public static SendResult retryLater(String reason, Duration after) {
        return new SendResult(Kind.RETRY_LATER, null, reason, after);
    }

    /**
     * The provider refused because the customer opted out of this channel (Twilio's error 21610,
     * say): the delivery ends as OptOut with {@code reason}, and the customer is unsubscribed from
     * the channel (source {@code provider}), so their other waiting sends on it end as OptOut when
     * claimed instead of being sent.
     */
    public static SendResult optedOut(String reason) {
        return new SendResult(Kind.OPTED_OUT, null, reason);
    }

    /** Failed for good: the delivery ends in Error with {@code reason} and is never retried. */
    public static SendResult failed(String reason) {
        return new SendResult(Kind.FAILED, null, reason);
    }
}
