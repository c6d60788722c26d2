package dev.messaging;

import dev.messaging.common.ChangeMeta;
import dev.messaging.conversation.Conversation;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.CustomerMessageCounters;
import dev.messaging.spi.Horizons;
import dev.messaging.spi.ReadFacts;
import dev.messaging.spi.StoreTransaction;
import dev.messaging.spi.ThreadRow;
import dev.messaging.thread.ThreadMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Derives a user's {@link ThreadMetadata} from horizons: the user's read number on the thread,
 * overridden by a later "mark all read", against the conversation's customer-message numbers.
 * unreadMessagesCount = live customer messages numbered above the horizon; unreadTimestamp = the
 * createdDate of the oldest of them. Costs at most three indexed lookups, and none for a thread
 * with nothing unread.
 */
final class ThreadViews {
    private static final String PREFIX = "th_";

    private ThreadViews() {
    }

    static ThreadMetadata view(StoreTransaction tx, ConversationRow row, ThreadRow thread, String userId,
            long allReadSeq) {
        return view(tx, row, thread, userId, allReadSeq, null);
    }

    /** As {@link #view(StoreTransaction, ConversationRow, ThreadRow, String, long)}, using {@code facts} when they apply. */
    static ThreadMetadata view(StoreTransaction tx, ConversationRow row, ThreadRow thread, String userId,
            long allReadSeq, ReadFacts facts) {
        Conversation c = row.conversation();
        CustomerMessageCounters counters = row.counters();
        int horizon = horizon(tx, row, thread, allReadSeq);
        int unread = 0;
        Instant unreadTimestamp = null;
        if (counters.lastLiveCustomerNumber() > horizon) {
            boolean known = facts != null && facts.readNumber() == horizon;
            unread = counters.customerCount() - horizon;
            if (counters.deletedCustomerCount() > 0) {
                unread -= known ? facts.deletedCustomerMessages() : tx.deletedCustomerMessagesAfter(c.id(), horizon);
            }
            unreadTimestamp = known ? facts.firstLiveCustomerMessageDate()
                    : tx.firstLiveCustomerMessageDateAfter(c.id(), horizon).orElse(null);
        }
        return new ThreadMetadata(
                threadId(c.id(), userId),
                thread == null ? c.createdDate() : thread.createdDate(),
                thread == null ? null : thread.updatedDate(),
                c.companyId(),
                c.locationId(),
                thread == null ? new ChangeMeta(null, null, 1) : thread.meta(),
                userId,
                c.customerId(),
                c.id(),
                unread,
                unreadTimestamp,
                thread != null && thread.important(),
                Horizons.isUserArchived(counters, thread));
    }

    /** The customer number up to which the user has read the thread. */
    static int horizon(StoreTransaction tx, ConversationRow row, ThreadRow thread, long allReadSeq) {
        int readNumber = thread == null ? 0 : thread.readNumber();
        long readFeedSeq = thread == null ? 0 : thread.readFeedSeq();
        if (allReadSeq == 0 || readFeedSeq >= allReadSeq) {
            return readNumber;
        }
        CustomerMessageCounters counters = row.counters();
        int readByAll = counters.lastCustomerFeedSeq() <= allReadSeq
                ? counters.customerCount()
                : tx.customerNumberAt(row.id(), allReadSeq);
        return Math.max(readNumber, readByAll);
    }

    /** The opaque id of a user's thread of a conversation. */
    static String threadId(String conversationId, String userId) {
        String raw = conversationId + '\n' + userId;
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The (conversationId, userId) a thread id was made from, or empty if it is not one. */
    static Optional<String[]> parseThreadId(String threadId) {
        if (threadId == null || !threadId.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(threadId.substring(PREFIX.length())),
                    StandardCharsets.UTF_8);
            String[] parts = raw.split("\n", 2);
            return parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty()
                    ? Optional.of(parts) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
