package dev.messaging.error;

/** The root of every error the library throws on purpose; catch it to handle them all. */
public abstract class MessagingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected MessagingException(String message) {
        super(message);
    }

    protected MessagingException(String message, Throwable cause) {
        super(message, cause);
    }
}
