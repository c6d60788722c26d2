package dev.messaging.error;

import java.util.OptionalLong;

/**
 * The call clashes with the current state; nothing was written. {@link #reason()} says what it
 * clashed on, {@link #existingId()} names the record it clashed with, and for a stale version
 * {@link #currentVersion()} gives the version to read again.
 */
public final class ConflictException extends MessagingException {
    private static final long serialVersionUID = 1L;

    /** What a call clashed on. */
    public enum Reason {
        /** The update passed a version the record has moved past. */
        STALE_VERSION,
        /** The customer has a live conversation already (create, restore). */
        LIVE_CONVERSATION_EXISTS,
        /** The clientMessageId was used for a message with other content. */
        CLIENT_MESSAGE_ID_REUSED,
        /** A new record's id is taken (an id generator that repeats). */
        ID_TAKEN,
        /** The record is in a state that does not allow the call (a scheduled send already claimed, say). */
        STATE
    }

    private final Reason reason;
    private final String entity;
    private final String existingId;
    private final Long currentVersion;

    private ConflictException(Reason reason, String entity, String existingId, Long currentVersion, String message) {
        super(message);
        this.reason = reason;
        this.entity = entity;
        this.existingId = existingId;
        this.currentVersion = currentVersion;
    }

    /** The conflict of an update that passed version {@code expected} of a record now at {@code current}. */
    public static ConflictException staleVersion(String entity, String id, long expected, long current) {
        return new ConflictException(Reason.STALE_VERSION, entity, id, current,
                entity + " " + id + " is at version " + current + ", not " + expected);
    }

    /** A clash with the existing record {@code existingId} (not about versions). */
    public static ConflictException of(Reason reason, String entity, String existingId, String why) {
        if (reason == Reason.STALE_VERSION) {
            throw new IllegalArgumentException("a stale version names the current version: use staleVersion");
        }
        return new ConflictException(reason, entity, existingId, null, why + ": " + entity + " " + existingId);
    }

    /** What the call clashed on. */
    public Reason reason() {
        return reason;
    }

    /** The kind of record it clashed with. */
    public String entity() {
        return entity;
    }

    /** The id of the record this call clashed with. */
    public String existingId() {
        return existingId;
    }

    /** The record's current version, for a {@link Reason#STALE_VERSION} conflict; empty otherwise. */
    public OptionalLong currentVersion() {
        return currentVersion == null ? OptionalLong.empty() : OptionalLong.of(currentVersion);
    }
}
