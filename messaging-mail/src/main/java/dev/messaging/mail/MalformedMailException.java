package dev.messaging.mail;

/** A received email that cannot be read: over a {@link MailLimits} limit, or not MIME at all. */
public final class MalformedMailException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** An email refused for {@code reason}. */
    public MalformedMailException(String reason) {
        super(reason);
    }

    /** An email refused for {@code reason}, found reading it. */
    public MalformedMailException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
