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
    /** The meta of a thread the user has not touched yet (version 1, no author). */
    private static final ChangeMeta NO_THREAD_YET = ChangeMeta.first(null, null);

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
        if (hasUnreadAfter(counters, horizon)) {
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
                thread == null ? NO_THREAD_YET : thread.meta(),
                userId,
                c.customerId(),
                c.id(),
                unread,
                unreadTimestamp,
                thread != null && thread.important(),
                Horizons.isUserArchived(counters, thread));
    }

    /**
     * Whether the user has something unread in the thread: a live customer message past their
     * horizon. What {@link #view} counts, without the count and the timestamp (two reads a
     * markRead of a read thread does not need).
     */
    static boolean hasUnread(StoreTransaction tx, ConversationRow row, ThreadRow thread, long allReadSeq) {
        return hasUnreadAfter(row.counters(), horizon(tx, row, thread, allReadSeq));
    }

    private static boolean hasUnreadAfter(CustomerMessageCounters counters, int horizon) {
        return counters.lastLiveCustomerNumber() > horizon;
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

    private static final byte[] URL_SAFE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
            .getBytes(StandardCharsets.US_ASCII);

    /**
     * The opaque id of a user's thread of a conversation: {@code th_} and the unpadded URL-safe
     * Base64 of {@code conversationId \n userId} in UTF-8 (what {@link #parseThreadId} decodes with
     * the JDK's decoder). Encoded by hand into one array because every inbox row makes one: the
     * JDK's encoder and the concatenations around it were most of an in-memory page's allocation.
     */
    static String threadId(String conversationId, String userId) {
        // ids are ASCII as a rule: their characters are their UTF-8 bytes, read in place
        byte[] raw = isAscii(conversationId) && isAscii(userId) ? null
                : (conversationId + '\n' + userId).getBytes(StandardCharsets.UTF_8);
        int n = raw != null ? raw.length : conversationId.length() + 1 + userId.length();
        byte[] out = new byte[PREFIX.length() + (n * 4 + 2) / 3];
        int o = 0;
        for (int k = 0; k < PREFIX.length(); k++) {
            out[o++] = (byte) PREFIX.charAt(k);
        }
        for (int i = 0; i < n; i += 3) {
            int v = byteAt(raw, conversationId, userId, i) << 16
                    | (i + 1 < n ? byteAt(raw, conversationId, userId, i + 1) << 8 : 0)
                    | (i + 2 < n ? byteAt(raw, conversationId, userId, i + 2) : 0);
            out[o++] = URL_SAFE[v >>> 18];
            out[o++] = URL_SAFE[v >>> 12 & 63];
            if (i + 1 < n) {
                out[o++] = URL_SAFE[v >>> 6 & 63];
            }
            if (i + 2 < n) {
                out[o++] = URL_SAFE[v & 63];
            }
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Byte {@code i} of {@code a \n b} in UTF-8: from {@code raw}, or (all ASCII) from the strings. */
    private static int byteAt(byte[] raw, String a, String b, int i) {
        if (raw != null) {
            return raw[i] & 0xff;
        }
        return i < a.length() ? a.charAt(i) : i == a.length() ? '\n' : b.charAt(i - a.length() - 1);
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
