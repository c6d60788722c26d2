package dev.messaging.error;

/** The actor may not make this call (see {@code Actor}); nothing was changed. */
public final class ForbiddenException extends MessagingException {
    private static final long serialVersionUID = 1L;

    /** The actor may not make this call; nothing was read or written. */
    public ForbiddenException(String message) {
        super(message);
    }
}
