package dev.messaging.common;

import java.time.Instant;

/**
 * A versioned record that is soft-deleted rather than removed: its {@link Deletion} is null
 * while it is live. Gives the reference docs' flat fields ({@code deleted}, {@code deletedUserId},
 * {@code deletedDate}, {@code deletedReason}) from it.
 */
public interface SoftDeletable {
    /** The deletion, or null while the record is live. */
    Deletion deletion();

    /** Who changed the record last, and its version. */
    ChangeMeta meta();

    /** Whether the record has been (soft-)deleted. */
    default boolean deleted() {
        return deletion() != null;
    }

    /** The user that deleted the record, or null if not deleted. */
    default String deletedUserId() {
        return deletion() == null ? null : deletion().deletedUserId();
    }

    /** The date the record was deleted, or null if not deleted. */
    default Instant deletedDate() {
        return deletion() == null ? null : deletion().deletedDate();
    }

    /** The reason the record was deleted, or null. */
    default String deletedReason() {
        return deletion() == null ? null : deletion().deletedReason();
    }

    /** The record's current version ({@code meta.version}). */
    default long version() {
        return meta().version();
    }
}
