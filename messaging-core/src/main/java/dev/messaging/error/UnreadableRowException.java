package dev.messaging.error;

/**
 * A stored row that cannot be read back (an old bug, a hand edit, a value of a newer schema): only
 * what touches that row fails, with this exception naming it; the rest of its tenant and every other
 * tenant go on. Not retryable: the row stays as it is until someone repairs or removes it.
 */
public class UnreadableRowException extends StorageException {
    private static final long serialVersionUID = 1L;
    private final String entity;
    private final String id;

    /** The row of {@code entity} (conversation, message, delivery) {@code id} could not be read; the cause says why. */
    public UnreadableRowException(String entity, String id, Throwable cause) {
        super(entity + " " + id + " cannot be read back: " + cause.getMessage(), cause, false);
        this.entity = entity;
        this.id = id;
    }

    /** What kind of row: {@code conversation}, {@code message} or {@code delivery}. */
    public String entity() {
        return entity;
    }

    /** The id of the row. */
    public String id() {
        return id;
    }
}
