package dev.messaging.spi;

import dev.messaging.change.Change;
import dev.messaging.common.Tenant;
import dev.messaging.notification.NotificationConfig;
import dev.messaging.outlet.Outlet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One unit of work on one tenant's rows. Every method sees only its tenant. The atomic
 * guarantees: {@link #insertConversation} and {@link #insertMessage} insert only if their unique
 * key is free; the {@code update*} and {@link #saveThread} methods compare-and-set on the version
 * the caller read; {@link #appendChange} gives the next sequence with no gap.
 */
public interface StoreTransaction {

    /** The tenant whose rows this unit of work sees. */
    Tenant tenant();

    // --- change feed -------------------------------------------------------------------

    /** The highest sequence appended so far, 0 if none. */
    long feedHead();

    /** Appends {@code draft} (its sequence ignored) with sequence {@code feedHead() + 1}. */
    Change appendChange(Change draft);

    /** Up to {@code limit} changes with sequence &gt; {@code after}, in sequence order. */
    List<Change> changesSince(long after, int limit);

    /**
     * Drops the oldest changes, in sequence order, up to the first one not older than
     * {@code before} (so the feed stays gap-free: a change stamped early by a clock that stepped
     * back waits for the ones before it); returns how many.
     */
    int pruneChanges(Instant before);

    // --- conversations -----------------------------------------------------------------

    /** The conversation of the tenant with {@code id}, deleted or not. */
    Optional<ConversationRow> findConversation(String id);

    /** The live (non-deleted) conversation of a customer, if any. */
    Optional<ConversationRow> findLiveConversation(String customerId);

    /**
     * Inserts {@code row} unless its customer has a live conversation already; returns that one
     * then, else empty. Race-free: of concurrent inserts for one customer, one wins. A row with the
     * same id in the tenant is a {@link DuplicateIdException}, and nothing is written.
     */
    Optional<ConversationRow> insertConversation(ConversationRow row);

    /** Replaces the stored row if its version is still {@code expectedVersion}; false if not. */
    boolean updateConversation(ConversationRow row, long expectedVersion);

    /** One page of a user's inbox by {@code spec} (its limit, its cursor), newest first. */
    List<InboxRow> inbox(InboxSpec spec);

    /** How many rows {@link #inbox} would return without cursor and limit. */
    long countInbox(InboxSpec spec);

    /** One page of a conversation search by {@code spec}, in its sort order. */
    List<InboxRow> searchConversations(SearchSpec spec);

    /** How many rows {@link #searchConversations} would return without cursor and limit. */
    long countConversations(SearchSpec spec);

    // --- messages ----------------------------------------------------------------------

    /** The message of the tenant with {@code id}, deleted or not. */
    Optional<MessageRow> findMessage(String id);

    /** The messages of {@code ids} that exist, in any order; a store may read them in one statement. */
    default List<MessageRow> findMessages(List<String> ids) {
        return ids.stream().map(this::findMessage).flatMap(Optional::stream).toList();
    }

    /** The tenant's message with this clientMessageId, if any. */
    Optional<MessageRow> findMessageByClientMessageId(String clientMessageId);

    /**
     * Inserts {@code row} unless a message of the tenant has its non-null clientMessageId; returns
     * that message then, else empty. A message with the same id in the tenant is a
     * {@link DuplicateIdException}, and nothing is written.
     */
    Optional<MessageRow> insertMessage(MessageRow row);

    /**
     * Replaces the stored row with {@code after} if it is still {@code before} (same version);
     * false if not. {@code before} is the row as the caller read it: a store may compare the two to
     * write only what changed (a search index needs no update when the text and deletion did not).
     */
    boolean updateMessage(MessageRow before, MessageRow after);

    /** A conversation's messages by {@code spec}, oldest first, paged either way from its cursor. */
    List<MessageRow> listMessages(MessageListSpec spec);

    /** A page of the tenant's messages across conversations, for an export (see {@link ExportSpec}). */
    List<MessageRow> exportMessages(ExportSpec spec);

    /** The newest live message of a conversation by (createdDate, id). */
    Optional<MessageRow> newestLiveMessage(String conversationId);

    /** The live customer message with the highest customer number. */
    Optional<MessageRow> newestLiveCustomerMessage(String conversationId);

    /** The highest customer number whose creating feed sequence is &lt;= {@code feedSeq}, 0 if none. */
    int customerNumberAt(String conversationId, long feedSeq);

    /** How many deleted customer messages have a customer number &gt; {@code number}. */
    int deletedCustomerMessagesAfter(String conversationId, int number);

    /** The createdDate of the live customer message with the lowest customer number &gt; {@code number}. */
    Optional<Instant> firstLiveCustomerMessageDateAfter(String conversationId, int number);

    // --- threads and users -------------------------------------------------------------

    /** The stored thread row of a user in a conversation; empty for a user who never changed it. */
    Optional<ThreadRow> findThread(String conversationId, String userId);

    /**
     * Inserts ({@code expectedVersion} 0) or replaces the row if its stored version is still
     * {@code expectedVersion}; false if that does not hold.
     */
    boolean saveThread(ThreadRow row, long expectedVersion);

    /** Every stored thread row of a conversation (for the consistency check). */
    List<ThreadRow> threadsOf(String conversationId);

    /** Every user's "mark all read" sequence (for the consistency check). */
    Map<String, Long> allReadSeqs();

    /** The feed sequence of the user's last "mark all read", 0 if never. */
    long allReadSeq(String userId);

    /** Saves the feed sequence of the user's "mark all read". */
    void saveAllReadSeq(String userId, long seq);

    /** The highest "mark all read" sequence of any user of the tenant: the shop-wide horizon. */
    long shopAllReadSeq();

    /** The user's saved notification settings, if any. */
    Optional<NotificationConfig> findNotificationConfig(String userId);

    /** The saved configs of {@code userIds} (users without one are left out); a store may read them in one statement. */
    default List<NotificationConfig> findNotificationConfigs(List<String> userIds) {
        return userIds.stream().map(this::findNotificationConfig).flatMap(Optional::stream).toList();
    }

    /** Creates or replaces the user's notification settings. */
    void saveNotificationConfig(NotificationConfig config);

    // --- outlets -----------------------------------------------------------------------

    /** The tenant's outlets, in no particular order. */
    List<Outlet> outlets();

    /** Creates or replaces the outlet with the same code. */
    void saveOutlet(Outlet outlet);

    // --- the outbox's port ---------------------------------------------------------------

    /** The outbox's rows (deliveries, consent, location settings) in this same transaction. */
    OutboxStore outbox();

    // --- erasure -----------------------------------------------------------------------

    /**
     * Physically removes every conversation of the customer, their messages, thread rows and
     * deliveries, and empties the payload and customerId of every change about the customer.
     * Returns how many messages were removed.
     */
    int eraseCustomer(String customerId);
}
