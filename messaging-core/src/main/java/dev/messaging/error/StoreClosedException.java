package dev.messaging.error;

/** The {@code Messaging} (and its store) was closed: no call is taken after {@code close()}. */
public final class StoreClosedException extends StorageException {
    private static final long serialVersionUID = 1L;

    /** A call after the messaging was closed. */
    public StoreClosedException(String message) {
        super(message, null, false);
    }
}
