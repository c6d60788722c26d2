package dev.messaging.common;

import java.time.Instant;

/** Why, when and by whom a record was soft-deleted; absent (null) on a live record. */
public record Deletion(String deletedUserId, Instant deletedDate, String deletedReason) {
}
