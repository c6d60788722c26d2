package dev.messaging.spi;

import dev.messaging.error.ConflictException;

/**
 * Thrown by {@link StoreTransaction#insertConversation} and {@link StoreTransaction#insertMessage}
 * when the tenant has a row with the new row's id already (an id generator that repeats): the
 * insert writes nothing, and core reports a conflict. Never a reason to overwrite. A store that
 * sends an insert with a later statement (to save a round trip) throws it from that later call,
 * naming the {@link #entity}; the write then fails as a whole with that conflict.
 */
public final class DuplicateIdException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String id;
    private final String entity;

    /** An insert or update that would give a second row the unique {@code id}. */
    public DuplicateIdException(String id) {
        this(null, id);
    }

    /**
     * An insert of an {@code entity} (as core names it in a conflict: "message", "delivery") that
     * would give a second row the unique {@code id}, found by a later call than the insert's.
     */
    public DuplicateIdException(String entity, String id) {
        super((entity == null ? "" : entity + " ") + "id " + id + " is taken", null, false, false);
        this.id = id;
        this.entity = entity;
    }

    /** The kind of record whose id is taken, when the store names it (null: the call that threw tells). */
    public String entity() {
        return entity;
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
