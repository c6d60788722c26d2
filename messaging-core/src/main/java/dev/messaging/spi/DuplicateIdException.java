package dev.messaging.spi;

import dev.messaging.error.ConflictException;

/**
 * Thrown by {@link StoreTransaction#insertConversation} and {@link StoreTransaction#insertMessage}
 * when the tenant has a row with the new row's id already (an id generator that repeats): the
 * insert writes nothing, and core reports a conflict. Never a reason to overwrite.
 */
public final class DuplicateIdException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String id;

    /** An insert or update that would give a second row the unique {@code id}. */
    public DuplicateIdException(String id) {
        super("id " + id + " is taken", null, false, false);
        this.id = id;
    }

    /** The id that is taken. */
    public String id() {
        return id;
    }

    /** The conflict core reports for it: the {@code entity}'s id is taken, and nothing was written. */
    public ConflictException asConflict(String entity) {
        return ConflictException.of(ConflictException.Reason.ID_TAKEN, entity, id,
                "the id generator gave an id that is taken; nothing was written");
    }
}
