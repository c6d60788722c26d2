package dev.messaging.thread;

import dev.messaging.common.ChangeMeta;
import java.time.Instant;

/**
 * One user's view of one conversation (Shopmonkey MessageThreadMetadata): how many customer
 * messages that user has not read and since when, and the user's own important and archived
 * flags. Its {@code id} is derived from (conversation, user), so it exists for every user
 * without being stored; {@code meta.version} is 1 until the user first changes it.
 */
public record ThreadMetadata(
        String id,
        Instant createdDate,
        Instant updatedDate,
        String companyId,
        String locationId,
        ChangeMeta meta,
        String userId,
        String customerId,
        String conversationId,
        int unreadMessagesCount,
        Instant unreadTimestamp,
        boolean important,
        boolean archived) {

    /** The thread's current version ({@code meta.version}); 1 until the user first changes it. */
    public long version() {
        return meta.version();
    }
}
