package dev.messaging.error;

/** The target of a call does not exist in the actor's tenant (another tenant's id looks the same). */
public final class NotFoundException extends MessagingException {
    private static final long serialVersionUID = 1L;
    private final String entity;
    private final String id;

    /** No {@code entity} with {@code id} in the actor's tenant. */
    public NotFoundException(String entity, String id) {
        super(entity + " not found: " + id);
        this.entity = entity;
        this.id = id;
    }

    /** The kind of record asked for (conversation, message, thread, delivery, ...). */
    public String entity() {
        return entity;
    }

    /** The id asked for. */
    public String id() {
        return id;
    }
}
