package dev.messaging.spi;

/**
 * Thrown by {@link StoreTransaction#insertConversation} and {@link StoreTransaction#insertMessage}
 * when the tenant has a row with the new row's id already (an id generator that repeats): the
 * insert writes nothing, and core reports a conflict. Never a reason to overwrite.
 */
public final class DuplicateIdException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String id;

    public DuplicateIdException(String id) {
        super("id " + id + " is taken", null, false, false);
        this.id = id;
    }

    public String id() {
        return id;
    }
}
