package dev.messaging.error;

/** The target of a call does not exist in the actor's tenant (another tenant's id looks the same). */
public final class NotFoundException extends MessagingException {
    private static final long serialVersionUID = 1L;
    private final String entity;
    private final String id;

    public NotFoundException(String entity, String id) {
        super(entity + " not found: " + id);
        this.entity = entity;
        this.id = id;
    }

    public String entity() {
        return entity;
    }

    public String id() {
        return id;
    }
}
