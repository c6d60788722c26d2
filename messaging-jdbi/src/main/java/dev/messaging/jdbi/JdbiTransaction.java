package dev.messaging.jdbi;

import dev.messaging.change.Change;
import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Tenant;
import dev.messaging.error.CommitOutcomeUnknownException;
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
import dev.messaging.spi.ThreadRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 *
 * <p>On PostgreSQL the statements whose answer nothing waits for (the transaction's settings, the
 * tenant's lock, writes whose outcome the lock decides) are kept in a {@link Pipeline} and sent
 * with the next statement that needs an answer, or together before COMMIT: a round trip each
 * would cost 0.5–1 ms with the database across a network.
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
    /** A message's creation appended and not written yet: it waits for the message's row key (SQLite). */
    private Change pendingChange;
    /** PostgreSQL: the changes appended and not sent yet; they go with the feed head (or before a feed read). */
    private final List<FeedRows.Row> unsent = new ArrayList<>(2);
    /** The store's rows in memory, for read-only transactions' pages; null in a write transaction (see RowCache). */
    private final RowCache rows;
    /**
     * PostgreSQL: the statements kept to go with the next one that needs an answer (a SET, the
     * tenant's lock, row updates whose answer the tenant's lock decides); null on SQLite, whose
     * statements cost no round trip.
     */
    private final Pipeline pipeline;
    /** PostgreSQL: the tenant's lock is kept in the pipeline, and the feed head comes with its answer. */
    private boolean headComing;
    private final JdbiConversations conversations;

    /**
     * A transaction of a tenant whose key and feed head the caller read (writers: under the
     * tenant's lock). {@code rows}: a read-only transaction's pages take unchanged rows from it; a
     * write transaction takes its conversations from it by version (null: no cache).
     */
    JdbiTransaction(Handle h, Dialect dialect, Tenant tenant, long tenantKey, long feedHead, boolean writable,
            RowCache rows) {
        this.rows = writable ? null : rows;
        this.h = h;
        this.dialect = dialect;
        this.tenant = tenant;
        this.tenantKey = tenantKey;
        this.writable = writable;
        this.feedHead = feedHead;
        this.savedFeedHead = feedHead;
        this.pipeline = dialect == Dialect.POSTGRESQL ? new Pipeline() : null;
        this.conversations = new JdbiConversations(this, writable ? rows : null);
    }

    /**
     * Sends {@code statements} (parameterless, separated by ";\n", answering nothing) ahead of this
     * transaction's next statement, in the same round trip where the store can (PostgreSQL).
     */
    void runFirst(String statements) {
        if (pipeline != null) {
            pipeline.addAll(statements);
            return;
        }
        for (String statement : statements.split(";\n")) {
            h.execute(statement);
        }
    }

    /**
     * PostgreSQL: the tenant's lock ({@code lock}, binding company and location, answering its key
     * and feed head) kept to go with the transaction's first read; the head is known once it ran.
     */
    void lockWithFirstRead(String lock) {
        headComing = true;
        pipeline.read(lock, st -> {
            st.setString(1, tenant.companyId());
            st.setString(2, tenant.locationId());
        }, rs -> {
            if (!rs.next() || rs.getLong(1) != tenantKey) {
                throw new IllegalStateException("the lock of tenant " + tenant + " found no row of key " + tenantKey);
            }
            feedHead = rs.getLong(2);
            savedFeedHead = feedHead;
            headComing = false;
        });
    }

    /** The handle, once the statements kept to go first (if any) have run. */
    Handle h() {
        if (pipeline != null) {
            pipeline.flush(h);
        }
        return h;
    }

    boolean writable() {
        return writable;
    }

    /** Every row {@code sql} returns, read by {@code reader}; on PostgreSQL sent with the statements kept. */
    <T> List<T> rows(String sql, Jdbc.Parameters parameters, Jdbc.RowReader<T> reader) {
        return pipeline != null ? pipeline.rows(h, sql, parameters, reader) : Jdbc.rows(h, dialect, sql, parameters, reader);
    }

    /**
     * Runs the write {@code sql}, whose update count must be {@code count} (else an
     * {@link IllegalStateException} saying {@code broken}); on PostgreSQL kept to go with the next
     * statement, as the tenant's lock guarantees its answer.
     */
    void writeExpecting(String sql, Jdbc.Parameters parameters, int count, String broken) {
        checkWritable();
        if (pipeline != null) {
            pipeline.expect(sql, parameters, count, broken);
            return;
        }
        int updated = Jdbc.execute(h, dialect, sql, parameters);
        if (updated != count) {
            throw new IllegalStateException(broken + " (" + updated + " rows where " + count + " were expected)");
        }
    }

    /**
     * Writes the feed head once, at the end of the transaction, if changes were appended; on
     * PostgreSQL with the changes not sent yet, the notification and COMMIT, in one round trip
     * (a write's last one: RoundTripsTest). There a lost connection is a
     * {@link CommitOutcomeUnknownException}; any other failure left nothing committed.
     */
    void finish() {
        if (pipeline != null) {
            if (feedHead != savedFeedHead) {
                FeedRows.keepWithHead(pipeline, tenantKey, unsent, feedHead, Dialect.notification(tenant, wroteDeliveries));
                unsent.clear();
            }
            try {
                pipeline.commit(h);
            } catch (RuntimeException e) {
                throw Failures.isConnectionLost(e) ? Failures.commitOutcomeUnknown(e) : e;
            }
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
        return pipeline != null ? pipeline.execute(h, sql, parameters) : Jdbc.execute(h, dialect, sql, parameters);
    }

    /**
     * An INSERT whose conflict clause covers its other unique key: a unique violation left is the
     * row's id, taken in the tenant ({@link DuplicateIdException}).
     */
    int insertOrDuplicate(String id, String sql, Jdbc.Parameters parameters) {
        return Failures.orDuplicate(id, () -> execute(sql, parameters));
    }

    /**
     * Inserts one row of an {@code entity} with the new {@code id} ({@code sql} has no conflict
     * clause that could skip it): a taken id is a {@link DuplicateIdException}. On PostgreSQL kept
     * to go with the next statement, the exception then coming from it, naming the entity.
     */
    void insertLater(String entity, String id, String sql, Jdbc.Parameters parameters) {
        checkWritable();
        if (pipeline != null) {
            pipeline.insert(sql, parameters, entity, id);
        } else {
            insertOrDuplicate(id, sql, parameters);
        }
    }

    /** PostgreSQL: keeps the read {@code sql}, whose rows {@code reader} takes, to go with the next statement. */
    void keep(String sql, Jdbc.Parameters parameters, Pipeline.Rows reader) {
        pipeline.read(sql, parameters, reader);
    }

    /** Whether this transaction's writes are kept to go with a later statement (PostgreSQL). */
    boolean keepsWrites() {
        return pipeline != null;
    }

    // --- change feed -------------------------------------------------------------------

    /** Whether the feed head is known (read, or kept coming with the tenant's lock). */
    boolean headKnown() {
        return feedHead != HEAD_NOT_READ || headComing;
    }

    /** The feed head as a read of this transaction's brought it along. */
    void headRead(long head) {
        feedHead = head;
    }

    /** The feed head of a read that has not needed it yet (reads seldom do: it is read when asked). */
    static final long HEAD_NOT_READ = Long.MIN_VALUE;

    @Override
    public long feedHead() {
        if (headComing) {
            h(); // the lock kept to go first answers it
        }
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
        if (pipeline == null) {
            writePendingChange(null);
        }
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
        feedHead = change.sequence(); // written once by finish(), at commit
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
        return conversations.ridOf(change.payload().get(FeedCodes.CONVERSATION_ID));
    }

    @Override
    public List<Change> changesSince(long after, int limit) {
        writePendingChange(null);
        return FeedRows.since(this, after, limit);
    }

    @Override
    public int pruneChanges(Instant before) {
        checkWritable();
        writePendingChange(null);
        return FeedRows.prune(this, before);
    }

    // --- conversations (see JdbiConversations) ------------------------------------------

    @Override
    public Optional<ConversationRow> findConversation(String id) {
        return conversations.find(id);
    }

    @Override
    public Optional<ConversationRow> findLiveConversation(String customerId) {
        return conversations.findLive(customerId);
    }

    @Override
    public Optional<ConversationRow> insertConversation(ConversationRow row) {
        return conversations.insert(row);
    }

    @Override
    public boolean updateConversation(ConversationRow row, long expectedVersion) {
        return conversations.update(row, expectedVersion);
    }

    long conversationKey(String id) {
        return conversations.conversationKey(id);
    }

    /** After this write transaction committed: the conversations it wrote, into the cache. */
    void committed() {
        conversations.committed();
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

    JdbiMessages messages() {
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

    JdbiThreads threads() {
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
        List<Outlet> seen = conversations.outletsSeen();
        return seen != null ? List.copyOf(seen) : h().attach(SettingsSql.class).outlets(tenantKey);
    }

    @Override
    public void saveOutlet(Outlet outlet) {
        conversations.outletsChanged();
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
        conversations.forget();
        messages().forget();
        return JdbiErasure.erase(this, customerId);
    }
}
