package dev.messaging.spi;

import dev.messaging.common.ChangeMeta;
import java.time.Instant;

/**
 * A user's stored state of one conversation, written only when the user changes it.
 *
 * @param readNumber  the user's read horizon: customer messages numbered up to it are read
 * @param readFeedSeq the feed sequence of the change that last set {@code readNumber}; a later
 *                    "mark all read" of the user overrides it
 * @param archivedSeq the feed sequence of the user's archive, 0 if not archived; a customer
 *                    message created after it voids the archive
 */
public record ThreadRow(
        String conversationId,
        String userId,
        Instant createdDate,
        Instant updatedDate,
        ChangeMeta meta,
        int readNumber,
        long readFeedSeq,
        long archivedSeq,
        boolean important) {
}
