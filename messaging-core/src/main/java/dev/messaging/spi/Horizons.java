package dev.messaging.spi;

import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationStatus;
import java.time.Instant;

/**
 * The data-level definitions of a thread's unread, archived and snoozed states (see
 * {@link InboxSpec}), in one place for core and for stores that filter in Java. SQL stores write
 * the same predicates in their queries; the contract suite checks they agree.
 */
public final class Horizons {
    private Horizons() {
    }

    /** Whether the user has at least one unread customer message in the conversation. */
    public static boolean isUnread(CustomerMessageCounters counters, ThreadRow thread, long allReadSeq) {
        int readNumber = thread == null ? 0 : thread.readNumber();
        long readFeedSeq = thread == null ? 0 : thread.readFeedSeq();
        return counters.lastLiveCustomerNumber() > readNumber
                && (readFeedSeq >= allReadSeq || counters.lastLiveCustomerFeedSeq() > allReadSeq);
    }

    /** Whether the user's own archive of the thread holds (no customer message came after it). */
    public static boolean isUserArchived(CustomerMessageCounters counters, ThreadRow thread) {
        return thread != null && thread.archivedSeq() > 0 && thread.archivedSeq() >= counters.lastCustomerFeedSeq();
    }

    /** Archived by the user or shop-wide. */
    public static boolean isArchived(ConversationRow row, ThreadRow thread) {
        return row.conversation().archived() || isUserArchived(row.counters(), thread);
    }

    /** Snoozed until a time still to come. */
    public static boolean isSnoozed(Conversation conversation, Instant now) {
        return conversation.status() == ConversationStatus.SNOOZED
                && conversation.snoozedUntil() != null
                && conversation.snoozedUntil().isAfter(now);
    }
}
