package dev.messaging.error;

/**
 * The store failed: it cannot be opened (a missing directory, a file that is not a database, a
 * read-only file, a schema newer than this library), or a call could not complete (a lost
 * connection, a lock not granted in time). The driver's exception is the cause. When
 * {@link #retryable()} is true the call wrote nothing and may simply be made again.
 */
public class StorageException extends MessagingException {
    private static final long serialVersionUID = 1L;
    private final boolean retryable;

    /** A failure of the store; {@code retryable} when nothing was written and the same call may succeed. */
    public StorageException(String message, Throwable cause, boolean retryable) {
        super(message, cause);
        this.retryable = retryable;
    }

    /** Whether the call wrote nothing and may be made again as it is. */
    public boolean retryable() {
        return retryable;
    }
}
