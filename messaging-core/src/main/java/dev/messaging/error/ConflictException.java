package dev.messaging.error;

/**
 * The call clashes with the current state: a stale version, a second live conversation, a reused
 * clientMessageId with other content. Names the existing or current record and, for stale
 * versions, the current version. Nothing was written.
 */
public final class ConflictException extends MessagingException {
    private static final long serialVersionUID = 1L;
    private final String entity;
    private final String existingId;
    private final long currentVersion;

    public ConflictException(String entity, String existingId, long currentVersion, String message) {
        super(message);
        this.entity = entity;
        this.existingId = existingId;
        this.currentVersion = currentVersion;
    }

    public static ConflictException staleVersion(String entity, String id, long expected, long current) {
        return new ConflictException(entity, id, current,
                entity + " " + id + " is at version " + current + ", not " + expected);
    }

    public static ConflictException exists(String entity, String existingId, String why) {
        return new ConflictException(entity, existingId, 0, why + ": " + entity + " " + existingId);
    }

    public String entity() {
        return entity;
    }

    /** The id of the record this call clashed with. */
    public String existingId() {
        return existingId;
    }

    /** The record's current version for a stale-version conflict, else 0. */
    public long currentVersion() {
        return currentVersion;
    }
}
