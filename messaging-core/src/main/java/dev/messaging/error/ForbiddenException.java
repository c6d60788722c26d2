package dev.messaging.error;

/** The actor may not make this call (see {@code Actor}); nothing was changed. */
public final class ForbiddenException extends MessagingException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message) {
        super(message);
    }
}
