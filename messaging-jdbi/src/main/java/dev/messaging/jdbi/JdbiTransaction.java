package dev.messaging.jdbi;

import dev.messaging.change.Change;
import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Tenant;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.Conversation;
import dev.messaging.notification.NotificationConfig;
import dev.messaging.outlet.Outlet;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.DuplicateIdException;
import dev.messaging.spi.ExportSpec;
import dev.messaging.spi.InboxRow;
import dev.messaging.spi.InboxSpec;
import dev.messaging.spi.MessageListSpec;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.OutboxStore;
import dev.messaging.spi.SearchSpec;
import dev.messaging.spi.StoreTransaction;
import dev.messaging.spi.TextTokens;
import dev.messaging.spi.ThreadRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/**
 * A unit of work on one tenant through one Jdbi {@link Handle}. Reads are text-block SQL with
 * named binds, mapped by {@link Cells} in column order; the hot row writes (message, conversation,
 * change) and the reads by key every write makes go through {@link Jdbc} (positional binds, cached
 * statements). Every value is bound; filters and sort orders come from the query specs' enums and
 * booleans, never from caller strings. The tenant's key is bound on every statement of its rows.
 */
final class JdbiTransaction implements StoreTransaction {
    private final Handle h;
    private final Dialect dialect;
    private final Tenant tenant;
    private final long tenantKey;
    private final boolean writable;
    private long feedHead;
    private long savedFeedHead;
    /** Whether this transaction inserted or changed deliveries (told to other instances' workers). */
    private boolean wroteDeliveries;
    private JdbiOutbox outbox;
    private JdbiThreads threads;
    private JdbiMessages messages;
    /**
     * The conversation rows as this transaction last read or wrote them, with their row keys: an
     * update writes only the columns that changed (SQLite rewrites every index whose column is SET,
     * changed or not), a contact that did not change is not re-indexed, and a message insert finds
     * its conversation's key.
     */
    private final Map<String, ConversationTable.Read> conversationsSeen = new HashMap<>();
    /** A message's creation appended and not written yet: it waits for the message's row key (SQLite). */
    private Change pendingChange;
    /** PostgreSQL: the changes appended and not sent yet; they go with the feed head (or before a feed read). */
    private final List<FeedRows.Row> unsent = new ArrayList<>(2);
    /** The store's rows in memory, for read-only transactions' pages; null in a write transaction (see RowCache). */
    private final RowCache rows;
    /**
     * A write transaction's view of the same cache (null: none): it finds its conversation by key
     * and row version and takes the row from here when the version matches, and after its commit
     * ({@link #committed}) puts there the conversations it wrote. It never puts a row it read: in
     * a group of writers that may be another writer's uncommitted write.
     */
    private final RowCache committedRows;
    /** The row versions of conversations as this write transaction read them, and as its updates left them. */
    private final Map<Long, Long> rowVersions = new HashMap<>(4);
    /** The conversations this write transaction updated, by row key, as last written. */
    private final Map<Long, ConversationRow> conversationsWritten = new HashMap<>(4);
    /** Write transactions with the cache: each conversation as it was read (from the database or the cache), by row key. */
    private final Map<Long, ConversationRow> conversationsRead = new HashMap<>(4);
    /**
     * A statement that must run before any other of this transaction (PostgreSQL reads: their
     * isolation level), or null once it has run. It goes with the first statement: on its own it
     * would cost a round trip to the server of its own.
     */
    private String first;

    /**
     * A transaction of a tenant whose key and feed head the caller read (writers: under the
     * tenant's lock). {@code rows}: a read-only transaction's pages take unchanged rows from it; a
     * write transaction takes its conversations from it by version (null: no cache).
     */
    JdbiTransaction(Handle h, Dialect dialect, Tenant tenant, long tenantKey, long feedHead, boolean writable,
            RowCache rows) {
        this.rows = writable ? null : rows;
        this.committedRows = writable ? rows : null;
        this.h = h;
        this.dialect = dialect;
        this.tenant = tenant;
        this.tenantKey = tenantKey;
        this.writable = writable;
        this.feedHead = feedHead;
        this.savedFeedHead = feedHead;
    }

    /** Sends {@code statement} ahead of this transaction's first statement, in the same round trip where possible. */
    void runFirst(String statement) {
        first = statement;
    }

    /** The handle, once the statement to run first (if any) has run. */
    Handle h() {
        if (first != null) {
            h.execute(takeFirst());
        }
        return h;
    }

    /** Whether a statement waits to run first (see {@link #runFirst}). */
    boolean hasFirst() {
        return first != null;
    }

    /** The handle, without running the statement that waits to run first. */
    Handle rawHandle() {
        return h;
    }

    boolean writable() {
        return writable;
    }

    /** The statement to run first, which the caller now sends; null if none is left. */
    String takeFirst() {
        String statement = first;
        first = null;
        return statement;
    }

    /**
     * Writes the feed head once, at the end of the transaction, if changes were appended; on
     * PostgreSQL with the changes not sent yet and the notification, in one round trip.
     */
    void saveFeedHead() {
        if (dialect == Dialect.POSTGRESQL && feedHead != savedFeedHead) {
            FeedRows.insertWithHead(h(), tenantKey, unsent, feedHead, Dialect.notification(tenant, wroteDeliveries));
            unsent.clear();
        } else {
            writePendingChange(null);
            if (dialect.writesFeedHead() && feedHead != savedFeedHead) {
                update("UPDATE tenant SET feed_head = :head WHERE id = :tenant").bind("head", feedHead).execute();
            }
        }
        savedFeedHead = feedHead;
    }

    @Override
    public Tenant tenant() {
        return tenant;
    }

    Dialect dialect() {
        return dialect;
    }

    long tenantKey() {
        return tenantKey;
    }

    void checkWritable() {
        if (!writable) {
            throw new IllegalStateException("write in a read-only transaction");
        }
    }

    /** A query of this tenant ({@code :tenant} bound). */
    Query query(String sql) {
        return h().createQuery(sql).bind("tenant", tenantKey);
    }

    /** A write of this tenant's rows ({@code :tenant} bound). */
    Update update(String sql) {
        checkWritable();
        return h().createUpdate(sql).bind("tenant", tenantKey);
    }

    int execute(String sql, Jdbc.Parameters parameters) {
        checkWritable();
        return Jdbc.execute(h(), dialect, sql, parameters);
    }

    /**
     * An INSERT whose conflict clause covers its other unique key: a unique violation left is the
     * row's id, taken in the tenant ({@link DuplicateIdException}).
     */
    int insertOrDuplicate(String id, String sql, Jdbc.Parameters parameters) {
        return Failures.orDuplicate(id, () -> execute(sql, parameters));
    }

    // --- change feed -------------------------------------------------------------------

    /** The feed head of a read that has not needed it yet (reads seldom do: it is read when asked). */
    static final long HEAD_NOT_READ = Long.MIN_VALUE;

    @Override
    public long feedHead() {
        if (feedHead == HEAD_NOT_READ) {
            feedHead = Jdbc.number(h(), dialect, dialect.feedHead(), st -> st.setLong(1, tenantKey));
        }
        return feedHead;
    }

    /**
     * Appends a change row. SQLite: a message's creation waits for its message row, so that it names
     * the message by its row key (see {@link #insertMessage}). PostgreSQL: every change waits for the
     * feed head's save, to go in its round trip. Any read of the feed writes what waits first.
     */
    @Override
    public Change appendChange(Change draft) {
        writePendingChange(null);
        Change change = draft.withSequence(feedHead() + 1);
        if (dialect == Dialect.SQLITE && change.entityType() == EntityType.MESSAGE
                && change.operation() == Operation.CREATE) {
            pendingChange = change;
        } else if (dialect == Dialect.POSTGRESQL) {
            checkWritable();
            unsent.add(new FeedRows.Row(change, null, conversationRid(change)));
        } else {
            insertChange(change, null);
        }
        feedHead = change.sequence(); // written once by saveFeedHead() before commit
        return change;
    }

    /** Writes the changes waiting, naming a message by {@code messageRid} when known. */
    private void writePendingChange(Long messageRid) {
        unsent.forEach(row -> FeedRows.insert(h(), dialect, tenantKey, row.change(), null, row.conversationRid()));
        unsent.clear();
        if (pendingChange != null) {
            Change change = pendingChange;
            pendingChange = null;
            insertChange(change, messageRid);
        }
    }

    private void insertChange(Change change, Long messageRid) {
        checkWritable();
        FeedRows.insert(h(), dialect, tenantKey, change, messageRid, conversationRid(change));
    }

    private Long conversationRid(Change change) {
        ConversationTable.Read conversation = conversationsSeen.get(change.payload().get(FeedCodes.CONVERSATION_ID));
        return conversation == null ? null : conversation.rid();
    }

    @Override
    public List<Change> changesSince(long after, int limit) {
        writePendingChange(null);
        return FeedRows.since(query(FeedRows.SINCE), after, limit);
    }

    @Override
    public int pruneChanges(Instant before) {
        checkWritable();
        writePendingChange(null);
        return FeedRows.prune(this, before);
    }

    // --- conversations -----------------------------------------------------------------

    private ConversationTable.Read remember(ConversationTable.Read read) {
        conversationsSeen.put(read.row().id(), read);
        return read;
    }

    /**
     * The conversation {@code condition} finds by one key, remembered for this transaction. A write
     * transaction with the cache reads the row's key and version first, and the row itself only if
     * the cache does not hold that version.
     */
    private Optional<ConversationRow> conversationWhere(String condition, Object key) {
        if (committedRows != null) {
            // nearly every write appends to the feed: its first read brings the head too (one statement less)
            boolean withHead = feedHead == HEAD_NOT_READ;
            List<long[]> found = Jdbc.rows(h(), dialect,
                    (withHead ? ConversationTable.VERSION_AND_HEAD_WHERE.get(dialect) : ConversationTable.VERSION_WHERE) + condition, st -> {
                        int next = 1;
                        if (withHead) {
                            st.setLong(next++, tenantKey);
                        }
                        st.setLong(next, tenantKey);
                        st.setObject(next + 1, key);
                    }, rs -> new long[] {rs.getLong(1), rs.getLong(2), withHead ? rs.getLong(3) : HEAD_NOT_READ});
            if (found.isEmpty()) {
                return Optional.empty();
            }
            long rid = found.get(0)[0];
            rowVersions.put(rid, found.get(0)[1]);
            if (withHead) {
                feedHead = found.get(0)[2];
            }
            ConversationTable.Read cached = committedRows.conversation(rid, found.get(0)[1]);
            Optional<ConversationRow> row = cached != null ? Optional.of(remember(cached).row())
                    : readConversation(ConversationTable.BY_ROW_KEY, rid);
            row.ifPresent(read -> conversationsRead.put(rid, read));
            return row;
        }
        return readConversation(condition, key);
    }

    private Optional<ConversationRow> readConversation(String condition, Object key) {
        return Jdbc.rows(h(), dialect, ConversationTable.CONVERSATION_WHERE + condition, st -> {
            st.setLong(1, tenantKey);
            st.setObject(2, key);
        }, rs -> ConversationTable.read(new Cells(rs), tenant)).stream().findFirst().map(read -> remember(read).row());
    }

    /** After this write transaction committed: the conversations it wrote, into the cache at their new row versions. */
    void committed() {
        if (committedRows != null) {
            conversationsWritten.forEach((rid, row) ->
                    committedRows.put(rid, rowVersions.get(rid),
                            ConversationTable.asWritten(rid, row, tenant, conversationsRead.get(rid))));
        }
    }

    @Override
    public Optional<ConversationRow> findConversation(String id) {
        // Within one transaction a row this transaction read or wrote is current: the tenant's
        // writers are serialized, and a read-only transaction sees one snapshot.
        ConversationTable.Read seen = conversationsSeen.get(id);
        return seen != null ? Optional.of(seen.row()) : conversationWhere(ConversationTable.BY_ID, id);
    }

    @Override
    public Optional<ConversationRow> findLiveConversation(String customerId) {
        return conversationWhere(ConversationTable.LIVE, customerId);
    }

    @Override
    public Optional<ConversationRow> insertConversation(ConversationRow row) {
        int inserted = insertOrDuplicate(row.id(), ConversationTable.INSERT, st -> {
            int next = Column.bind(st, 1, ConversationTable.COLUMNS, row);
            st.setLong(next, tenantKey);
            st.setLong(next + 1, feedHead());
        });
        if (inserted == 0) {
            return findLiveConversation(row.conversation().customerId());
        }
        long rid = query("SELECT rid FROM conversation WHERE tenant = :tenant AND id = :id").bind("id", row.id())
                .mapTo(Long.class).one();
        remember(new ConversationTable.Read(rid, row));
        indexContact(rid, row.conversation());
        return Optional.empty();
    }

    @Override
    public boolean updateConversation(ConversationRow row, long expectedVersion) {
        ConversationTable.Read before = conversationsSeen.get(row.id());
        List<Column<ConversationRow>> columns = before == null ? ConversationTable.COLUMNS
                : Column.changed(ConversationTable.COLUMNS, before.row(), row);
        boolean updated = execute("UPDATE conversation SET " + Column.assignments(columns)
                + ", row_seq = ?, row_version = row_version + 1 WHERE id = ? AND tenant = ? AND version = ?", st -> {
                    int next = Column.bind(st, 1, columns, row);
                    st.setLong(next, feedHead());
                    st.setString(next + 1, row.id());
                    st.setLong(next + 2, tenantKey);
                    st.setLong(next + 3, expectedVersion);
                }) == 1;
        if (!updated) {
            return false;
        }
        long rid = before != null ? before.rid() : conversationKey(row.id());
        remember(new ConversationTable.Read(rid, row));
        Long rowVersion = rowVersions.get(rid);
        if (rowVersion != null) {
            // the UPDATE added one: the version this row has once committed
            rowVersions.put(rid, rowVersion + 1);
            conversationsWritten.put(rid, row);
        }
        if (before == null || !Objects.equals(before.row().conversation().contact(), row.conversation().contact())) {
            indexContact(rid, row.conversation());
        }
        return true;
    }

    long conversationKey(String id) {
        ConversationTable.Read seen = conversationsSeen.get(id);
        if (seen != null) {
            return seen.rid();
        }
        return query("SELECT rid FROM conversation WHERE id = :id AND tenant = :tenant").bind("id", id)
                .mapTo(Long.class).findOne()
                .orElseThrow(() -> new IllegalStateException("no conversation " + id + " in this tenant"));
    }

    private void indexContact(long rid, Conversation c) {
        Contact contact = c.contact();
        dialect.indexContact(h(), rid, contact == null ? Collections.emptySet()
                : TextTokens.tokens(contact.firstName(), contact.lastName(), contact.companyName(), contact.email(),
                        contact.phone()));
    }

    @Override
    public List<InboxRow> inbox(InboxSpec spec) {
        return pages().inbox(spec);
    }

    @Override
    public long countInbox(InboxSpec spec) {
        return pages().countInbox(spec);
    }

    @Override
    public List<InboxRow> searchConversations(SearchSpec spec) {
        return pages().search(spec);
    }

    @Override
    public long countConversations(SearchSpec spec) {
        return pages().countSearch(spec);
    }

    private JdbiPages pages() {
        return new JdbiPages(this, rows);
    }

    // --- messages (see JdbiMessages) ----------------------------------------------------

    private JdbiMessages messages() {
        if (messages == null) {
            messages = new JdbiMessages(this);
        }
        return messages;
    }

    @Override
    public Optional<MessageRow> findMessage(String id) {
        return messages().find(id);
    }

    @Override
    public List<MessageRow> findMessages(List<String> ids) {
        return messages().find(ids);
    }

    @Override
    public Optional<MessageRow> findMessageByClientMessageId(String clientMessageId) {
        return messages().findByClientMessageId(clientMessageId);
    }

    @Override
    public Optional<MessageRow> insertMessage(MessageRow row) {
        return messages().insert(row);
    }

    @Override
    public boolean updateMessage(MessageRow before, MessageRow after) {
        return messages().update(before, after);
    }

    @Override
    public List<MessageRow> listMessages(MessageListSpec spec) {
        return messages().list(spec);
    }

    @Override
    public List<MessageRow> exportMessages(ExportSpec spec) {
        return messages().export(spec);
    }

    @Override
    public Optional<MessageRow> newestLiveMessage(String conversationId) {
        return messages().newestLive(conversationId);
    }

    @Override
    public Optional<MessageRow> newestLiveCustomerMessage(String conversationId) {
        return messages().newestLiveCustomer(conversationId);
    }

    @Override
    public int customerNumberAt(String conversationId, long feedSeq) {
        return messages().customerNumberAt(conversationId, feedSeq);
    }

    @Override
    public int deletedCustomerMessagesAfter(String conversationId, int number) {
        return messages().deletedCustomerMessagesAfter(conversationId, number);
    }

    @Override
    public Optional<Instant> firstLiveCustomerMessageDateAfter(String conversationId, int number) {
        return messages().firstLiveCustomerMessageDateAfter(conversationId, number);
    }

    /** After a message's insert: its creation, appended before its row key was known, is written now. */
    void messageInserted(String id, long rid) {
        if (pendingChange != null && pendingChange.entityId().equals(id)) {
            writePendingChange(rid);
        }
    }

    // --- threads and users (see JdbiThreads) -------------------------------------------

    private JdbiThreads threads() {
        if (threads == null) {
            threads = new JdbiThreads(this);
        }
        return threads;
    }

    @Override
    public Optional<ThreadRow> findThread(String conversationId, String userId) {
        return threads().find(conversationId, userId);
    }

    @Override
    public boolean saveThread(ThreadRow row, long expectedVersion) {
        return threads().save(row, expectedVersion);
    }

    @Override
    public List<ThreadRow> threadsOf(String conversationId) {
        return threads().of(conversationId);
    }

    @Override
    public Map<String, Long> allReadSeqs() {
        return threads().allReadSeqs();
    }

    @Override
    public long allReadSeq(String userId) {
        return threads().allReadSeq(userId);
    }

    @Override
    public void saveAllReadSeq(String userId, long seq) {
        threads().saveAllReadSeq(userId, seq);
    }

    @Override
    public long shopAllReadSeq() {
        return threads().shopAllReadSeq();
    }

    @Override
    public Optional<NotificationConfig> findNotificationConfig(String userId) {
        return threads().findNotificationConfigs(List.of(userId)).stream().findFirst();
    }

    @Override
    public List<NotificationConfig> findNotificationConfigs(List<String> userIds) {
        return threads().findNotificationConfigs(userIds);
    }

    @Override
    public void saveNotificationConfig(NotificationConfig config) {
        threads().saveNotificationConfig(config);
    }

    // --- outlets -----------------------------------------------------------------------

    @Override
    public List<Outlet> outlets() {
        return h().attach(SettingsSql.class).outlets(tenantKey);
    }

    @Override
    public void saveOutlet(Outlet outlet) {
        h().attach(SettingsSql.class).saveOutlet(tenantKey, outlet);
    }

    // --- the outbox's port -----------------------------------------------------------------

    @Override
    public OutboxStore outbox() {
        if (outbox == null) {
            outbox = new JdbiOutbox(this);
        }
        return outbox;
    }

    /** Notes that this transaction inserted or changed deliveries (told to other instances' workers at commit). */
    void wroteDeliveries() {
        wroteDeliveries = true;
    }

    // --- erasure -----------------------------------------------------------------------

    @Override
    public int eraseCustomer(String customerId) {
        checkWritable();
        writePendingChange(null);
        conversationsSeen.clear();
        return JdbiErasure.erase(this, customerId);
    }
}
