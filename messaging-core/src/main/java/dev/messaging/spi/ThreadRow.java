package dev.messaging.spi;

import dev.messaging.common.ChangeMeta;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;

/**
 * A user's stored state of one conversation, written only when the user changes it.
 *
 * @param readNumber  the user's read horizon: customer messages numbered up to it are read
 * @param readFeedSeq the feed sequence of the change that last set {@code readNumber}; a later
 *                    "mark all read" of the user overrides it
 * @param archivedSeq the feed sequence of the user's archive, 0 if not archived; a customer
 *                    message created after it voids the archive
 * @param muted       the user takes no notification of the conversation
 */
@RecordBuilder
public record ThreadRow(
        String conversationId,
        String userId,
        Instant createdDate,
        Instant updatedDate,
        ChangeMeta meta,
        int readNumber,
        long readFeedSeq,
        long archivedSeq,
        boolean important,
        boolean muted) implements ThreadRowBuilder.With {

    /** The state of a thread the user never changed: nothing read, not archived, not important, version 1. */
    public static ThreadRow untouched(String conversationId, String userId, Instant conversationCreated) {
        return new ThreadRow(conversationId, userId, conversationCreated, null, ChangeMeta.first(null, null), 0, 0, 0,
                false, false);
    }

    /** Read up to customer number {@code number}, by the change at feed sequence {@code seq}. */
    public ThreadRow withRead(int number, long seq) {
        return with(b -> b.readNumber(number).readFeedSeq(seq));
    }

    /** This row as saved by a change at {@code time} with {@code next} meta. */
    public ThreadRow savedAt(Instant time, ChangeMeta next) {
        return with(b -> b.updatedDate(time).meta(next));
    }
}
