package dev.messaging.error;

/**
 * The connection failed while the store committed a write: it may or may not be durable. Read the
 * state again before repeating a write that has no natural key (a create without clientMessageId,
 * a delete, a markUnread); a create with a clientMessageId may simply be repeated.
 */
public final class CommitOutcomeUnknownException extends StorageException {
    private static final long serialVersionUID = 1L;

    /** A commit whose answer was lost: the write may or may not be stored. */
    public CommitOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause, false);
    }
}
