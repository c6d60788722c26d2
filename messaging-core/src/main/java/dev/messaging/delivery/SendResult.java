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

    public static SendResult sent(String providerMessageId) {
        return new SendResult(Kind.SENT, providerMessageId, null);
    }

    public static SendResult retryLater(String reason) {
        return new SendResult(Kind.RETRY_LATER, null, reason);
    }

    public static SendResult failed(String reason) {
        return new SendResult(Kind.FAILED, null, reason);
    }
}
