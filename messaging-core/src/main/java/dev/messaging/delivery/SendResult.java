package dev.messaging.delivery;

/**
 * What a sender says of one delivery: {@link #sent} (with the provider's id of what it sent),
 * {@link #retryLater} (a passing failure: tried again after a backoff), or {@link #failed} (for
 * good: never retried). A sender that throws is taken as {@code retryLater} with the exception's
 * message.
 */
public record SendResult(Kind kind, String providerMessageId, String reason) {

    /** The three outcomes. */
    public enum Kind {
        SENT, RETRY_LATER, FAILED
    }

    /** Sent: the provider took it, under {@code providerMessageId} (its callbacks name it). */
    public static SendResult sent(String providerMessageId) {
        return new SendResult(Kind.SENT, providerMessageId, null);
    }

    /** A passing failure: tried again after the retry policy's backoff, until the attempts run out. */
    public static SendResult retryLater(String reason) {
        return new SendResult(Kind.RETRY_LATER, null, reason);
    }

    /** Failed for good: the delivery ends in Error with {@code reason} and is never retried. */
    public static SendResult failed(String reason) {
        return new SendResult(Kind.FAILED, null, reason);
    }
}
