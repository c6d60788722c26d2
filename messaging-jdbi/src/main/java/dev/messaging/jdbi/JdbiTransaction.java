package dev.messaging.jdbi;

import dev.messaging.change.Change;
import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Tenant;
import dev.messaging.conversation.AssigneeFilter;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationStatus;
import dev.messaging.conversation.SearchSort;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.Message;
import dev.messaging.notification.NotificationConfig;
import dev.messaging.outlet.Outlet;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.DuplicateIdException;
import dev.messaging.spi.InboxPosition;
import dev.messaging.spi.InboxRow;
import dev.messaging.spi.InboxSpec;
import dev.messaging.spi.MessageListSpec;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.ReadFacts;
import dev.messaging.spi.SearchSpec;
import dev.messaging.spi.OutboxStore;
import dev.messaging.spi.StoreTransaction;
import dev.messaging.spi.TextTokens;
import dev.messaging.spi.ThreadRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
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
    private long shopAllReadSeq = -1;
    /** Users' all-read points as read or written in this transaction. */
    private final Map<String, Long> allReadSeqOf = new HashMap<>(4);
    /**
     * Notification settings read with the threads of a conversation, by user (empty: the user has
     * none): whom a customer message notifies is asked right after its conversation's threads.
     */
    private final Map<String, Optional<NotificationConfig>> notificationConfigsSeen = new HashMap<>(4);
    /**
     * The conversation rows as this transaction last read or wrote them, with their row keys: an
     * update writes only the columns that changed (SQLite rewrites every index whose column is SET,
     * changed or not), a contact that did not change is not re-indexed, and a message insert finds
     * its conversation's key.
     */
    private final Map<String, ConversationTable.Read> conversationsSeen = new HashMap<>();
    /** A message's creation appended and not written yet: it waits for the message's row key. */
    private Change pendingChange;
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
    private Handle h() {
        if (first != null) {
            h.execute(takeFirst());
        }
        return h;
    }

    /** The statement to run first, which the caller now sends; null if none is left. */
    private String takeFirst() {
        String statement = first;
        first = null;
        return statement;
    }

    /** Writes the feed head once, at the end of the transaction, if changes were appended. */
    void saveFeedHead() {
        writePendingChange(null);
        if (!dialect.writesFeedHead() || feedHead == savedFeedHead) {
            return;
        }
        if (dialect == Dialect.POSTGRESQL) {
            // one round trip: the head, and a notification other instances' listeners get at COMMIT
            query("WITH saved AS (UPDATE tenant SET feed_head = :head WHERE id = :tenant RETURNING id)"
                    + " SELECT count(pg_notify('" + Dialect.CHANGES_CHANNEL + "', :payload)) FROM saved")
                    .bind("head", feedHead).bind("payload", Dialect.notification(tenant, wroteDeliveries)).mapTo(Long.class).one();
        } else {
            update("UPDATE tenant SET feed_head = :head WHERE id = :tenant").bind("head", feedHead).execute();
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
        return orDuplicate(id, () -> execute(sql, parameters));
    }

    /** {@code insert}'s result; a unique violation is the row's id, taken in the tenant ({@link DuplicateIdException}). */
    private static <T> T orDuplicate(String id, java.util.function.Supplier<T> insert) {
        try {
            return insert.get();
        } catch (RuntimeException e) {
            if (Failures.isUniqueViolation(e)) {
                throw new DuplicateIdException(id);
            }
            throw e;
        }
    }

    // --- change feed -------------------------------------------------------------------

    private static final String CHANGE_INSERT = """
            INSERT INTO change_feed (tenant, sequence, entity_type, entity_id, version, operation, actor_kind,
                actor_id, session_id, time, customer_id, payload, entity_rid, conversation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

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
     * Appends a change row; a message's creation waits for its message row (SQLite), so that it
     * names the message by its row key (see {@link #insertMessage}; any other statement of the feed,
     * the next change and the end of the transaction write it as it is).
     */
    @Override
    public Change appendChange(Change draft) {
        writePendingChange(null);
        Change change = draft.withSequence(feedHead() + 1);
        if (dialect == Dialect.SQLITE && change.entityType() == EntityType.MESSAGE
                && change.operation() == Operation.CREATE) {
            pendingChange = change;
        } else {
            insertChange(change, null);
        }
        feedHead = change.sequence(); // written once by saveFeedHead() before commit
        return change;
    }

    /** Writes the change waiting for its message, naming the message by {@code messageRid} when known. */
    private void writePendingChange(Long messageRid) {
        if (pendingChange != null) {
            Change change = pendingChange;
            pendingChange = null;
            insertChange(change, messageRid);
        }
    }

    private void insertChange(Change change, Long messageRid) {
        ConversationTable.Read conversation = conversationsSeen.get(change.payload().get(FeedCodes.CONVERSATION_ID));
        execute(CHANGE_INSERT, st -> {
            st.setLong(1, tenantKey);
            st.setLong(2, change.sequence());
            st.setString(3, FeedCodes.ENTITY_TYPES.letter(change.entityType()));
            Column.bindValue(st, 4, messageRid == null ? change.entityId() : null, String.class);
            st.setLong(5, change.version());
            st.setString(6, FeedCodes.OPERATIONS.letter(change.operation()));
            st.setString(7, FeedCodes.ACTOR_KINDS.letter(change.actorKind()));
            Column.bindValue(st, 8, change.actorId(), String.class);
            Column.bindValue(st, 9, change.sessionId(), String.class);
            st.setLong(10, change.time().toEpochMilli());
            Column.bindValue(st, 11, change.customerId(), String.class);
            Column.bindValue(st, 12, FeedCodes.payload(change.payload(), conversation != null), String.class);
            Column.bindValue(st, 13, messageRid, Long.class);
            Column.bindValue(st, 14, conversation == null ? null : conversation.rid(), Long.class);
        });
    }

    @Override
    public List<Change> changesSince(long after, int limit) {
        writePendingChange(null);
        return query("""
                SELECT f.sequence, f.entity_type, coalesce(f.entity_id, m.id), f.version, f.operation, f.actor_kind,
                    f.actor_id, f.session_id, f.time, f.customer_id, f.payload, c.id
                FROM change_feed f
                LEFT JOIN message m ON m.rid = f.entity_rid
                LEFT JOIN conversation c ON c.rid = f.conversation
                WHERE f.tenant = :tenant AND f.sequence > :after ORDER BY f.sequence LIMIT :limit""")
                .bind("after", after).bind("limit", limit)
                .map((rs, ctx) -> {
                    Cells in = new Cells(rs);
                    return new Change(in.longValue(), FeedCodes.ENTITY_TYPES.value(in.string()), in.string(), in.longValue(),
                            FeedCodes.OPERATIONS.value(in.string()), FeedCodes.ACTOR_KINDS.value(in.string()), in.string(), in.string(),
                            in.instant(), in.string(), FeedCodes.payload(in.string(), in.string()));
                })
                .list();
    }

    @Override
    public int pruneChanges(Instant before) {
        checkWritable();
        writePendingChange(null);
        // the head outlives the rows: on SQLite it is otherwise read from the newest of them
        update("UPDATE tenant SET feed_head = :head WHERE id = :tenant").bind("head", feedHead()).execute();
        // The feed's oldest entries up to the first one not older than before, found walking the key
        // from the oldest: the feed stays gap-free and needs no index by time.
        return update("""
                DELETE FROM change_feed WHERE tenant = :tenant AND sequence < coalesce(
                    (SELECT sequence FROM change_feed WHERE tenant = :tenant AND time >= :before
                     ORDER BY sequence LIMIT 1), :past)""")
                .bind("before", before.toEpochMilli()).bind("past", Long.MAX_VALUE).execute();
    }

    // --- conversations -----------------------------------------------------------------

    private ConversationTable.Read remember(ConversationTable.Read read) {
        conversationsSeen.put(read.row().id(), read);
        return read;
    }

    static final String CONVERSATION_WHERE = "SELECT " + ConversationTable.SELECT
            + " FROM conversation c WHERE c.tenant = ? AND ";
    static final String VERSION_WHERE = "SELECT c.rid, c.row_version FROM conversation c WHERE c.tenant = ? AND ";
    /** {@link #VERSION_WHERE} with the tenant's feed head (its first parameter): a write's first read brings it along. */
    static final Map<Dialect, String> VERSION_AND_HEAD_WHERE = Map.of(
            Dialect.SQLITE, versionAndHeadWhere(Dialect.SQLITE), Dialect.POSTGRESQL, versionAndHeadWhere(Dialect.POSTGRESQL));
    static final String BY_ID = "c.id = ?";
    static final String LIVE = "c.customer_id = ? AND NOT c.deleted";
    static final String BY_ROW_KEY = "c.rid = ?";

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
                    (withHead ? VERSION_AND_HEAD_WHERE.get(dialect) : VERSION_WHERE) + condition, st -> {
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
                    : readConversation(BY_ROW_KEY, rid);
            row.ifPresent(read -> conversationsRead.put(rid, read));
            return row;
        }
        return readConversation(condition, key);
    }

    private Optional<ConversationRow> readConversation(String condition, Object key) {
        return Jdbc.rows(h(), dialect, CONVERSATION_WHERE + condition, st -> {
            st.setLong(1, tenantKey);
            st.setObject(2, key);
        }, rs -> ConversationTable.read(new Cells(rs), tenant)).stream().findFirst().map(read -> remember(read).row());
    }

    private static String versionAndHeadWhere(Dialect dialect) {
        return VERSION_WHERE.replace("c.row_version", "c.row_version, (" + dialect.feedHead() + ")");
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
        return seen != null ? Optional.of(seen.row()) : conversationWhere(BY_ID, id);
    }

    @Override
    public Optional<ConversationRow> findLiveConversation(String customerId) {
        return conversationWhere(LIVE, customerId);
    }

    private static final String CONVERSATION_INSERT = Column.insert("conversation", ConversationTable.COLUMNS,
            "tenant", "row_seq") + " ON CONFLICT (tenant, customer_id) WHERE NOT deleted DO NOTHING";

    @Override
    public Optional<ConversationRow> insertConversation(ConversationRow row) {
        int inserted = insertOrDuplicate(row.id(), CONVERSATION_INSERT, st -> {
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

    private long conversationKey(String id) {
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

    /** The one definition of "the user has an unread customer message here" (see {@code InboxSpec}). */
    private static final String UNREAD = """
            (c.last_live_customer_number > coalesce(t.read_number, 0)
             AND (coalesce(t.read_feed_seq, 0) >= :allRead OR c.last_live_customer_feed_seq > :allRead))""";
    private static final String ARCHIVED = """
            (c.archived OR (coalesce(t.archived_seq, 0) > 0 AND coalesce(t.archived_seq, 0) >= c.last_customer_feed_seq))""";
    private static final String SNOOZED = "(c.status = '" + ConversationStatus.SNOOZED.wireValue()
            + "' AND c.snoozed_until IS NOT NULL AND c.snoozed_until > :now)";

    /**
     * The facts at the thread's own read number (see {@link ReadFacts}), computed per result row by
     * correlated subqueries on the customer-message index: one statement per page instead of a
     * lookup per row.
     */
    private static final String READ_FACTS = """
            coalesce(t.read_number, 0),
            CASE WHEN c.last_live_customer_number > coalesce(t.read_number, 0) THEN
                (SELECT f.created_date FROM message f WHERE f.conversation = c.rid AND f.customer_number > 0
                 AND f.customer_number > coalesce(t.read_number, 0) AND NOT f.deleted ORDER BY f.customer_number LIMIT 1)
            END,
            CASE WHEN c.deleted_customer_count > 0 THEN
                (SELECT count(*) FROM message d WHERE d.conversation = c.rid AND d.customer_number > 0
                 AND d.customer_number > coalesce(t.read_number, 0) AND d.deleted)
            ELSE 0 END""";

    /** The JOINs the inbox and search share ({@code :user}). */
    private static String joins(boolean messageRequired) {
        return " FROM conversation c LEFT JOIN thread t ON t.conversation = c.rid AND t.user_id = :user"
                + (messageRequired ? " JOIN" : " LEFT JOIN") + " message m ON m.tenant = c.tenant AND m.id = c.last_message_id";
    }

    /** Every column of a page's rows, and their facts. */
    private static String rowsFrom(boolean messageRequired) {
        return "SELECT " + ConversationTable.SELECT + ", " + ThreadTable.SELECT + ", " + MessageTable.SELECT + ", "
                + READ_FACTS + joins(messageRequired);
    }

    /** A page's keys and versions: what a page must read when its rows are in memory. */
    private static String keysFrom(boolean messageRequired) {
        return "SELECT c.rid, c.row_version, t.version, m.rid, m.version" + joins(messageRequired);
    }

    /** The columns of {@link #rowsFrom} for the given conversations, with row versions, message keys and facts. */
    private static final String ROWS_BY_KEY = "SELECT " + ConversationTable.SELECT + ", " + ThreadTable.SELECT + ", "
            + MessageTable.SELECT + ", c.row_version, m.rid, " + READ_FACTS + joins(false);

    /** One row of a page's keys. */
    private record PageKey(long conversation, long rowVersion, Long threadVersion, Long message, long messageVersion) {
    }

    private InboxRow inboxRow(ResultSet rs) throws SQLException {
        Cells in = new Cells(rs);
        ConversationTable.Read read = ConversationTable.read(in, tenant);
        Parts parts = parts(in, read);
        ReadFacts facts = new ReadFacts(in.intValue(), in.instant(), in.intValue());
        return new InboxRow(read.row(), parts.thread(), parts.last(), facts);
    }

    /** A row's thread and last message. */
    private record Parts(ThreadRow thread, MessageRow last) {
    }

    private Parts parts(Cells in, ConversationTable.Read read) throws SQLException {
        Conversation c = read.row().conversation();
        ThreadRow thread = ThreadTable.read(in, c.id());
        MessageRow last = null;
        if (c.lastMessageId() != null) {
            last = MessageTable.read(in, tenant, c.id(), c.customerId());
        } else {
            in.skip(MessageTable.COLUMNS.size());
        }
        return new Parts(thread, last);
    }

    /**
     * A page of {@code w} in the order and limit of {@code rest}: in a write transaction, every
     * column read; in a read-only one, the keys and versions read, the rows whose versions match
     * taken from the {@link RowCache}, and only the others read in full (one statement).
     */
    private List<InboxRow> page(Where w, boolean messageRequired, String rest, String user, int limit) {
        if (rows == null) {
            return w.query(rowsFrom(messageRequired), rest, user).bind("limit", limit).map((rs, ctx) -> inboxRow(rs))
                    .list();
        }
        List<PageKey> keys = w.query(keysFrom(messageRequired), rest, user).bind("limit", limit).map((rs, ctx) -> {
            Cells in = new Cells(rs);
            return new PageKey(in.longValue(), in.longValue(), in.optionalLong(), in.optionalLong(), in.longValue());
        }).list();
        List<InboxRow> page = new ArrayList<>(keys.size());
        StringBuilder missing = new StringBuilder("[");
        for (PageKey key : keys) {
            InboxRow cached = cached(key, user);
            page.add(cached);
            if (cached == null) {
                missing.append(missing.length() == 1 ? "" : ",").append(key.conversation());
            }
        }
        if (missing.length() > 1) {
            // the rows as read here, not as found in the cache afterwards: a concurrent page may
            // have put another version of them there meanwhile
            Map<Long, InboxRow> read = new HashMap<>();
            h().createQuery(ROWS_BY_KEY + " WHERE c.tenant = :tenant AND c.rid IN (" + dialect.keysIn("rids") + ")")
                    .bind("tenant", tenantKey).bind("user", user).bind("rids", missing.append(']').toString())
                    .map((rs, ctx) -> {
                        Cells in = new Cells(rs);
                        ConversationTable.Read conversation = ConversationTable.read(in, tenant);
                        Parts parts = parts(in, conversation);
                        long rowVersion = in.longValue();
                        Long messageKey = in.optionalLong();
                        ReadFacts facts = new ReadFacts(in.intValue(), in.instant(), in.intValue());
                        rows.put(conversation.rid(), rowVersion, conversation);
                        if (parts.thread() != null) {
                            rows.put(conversation.rid(), parts.thread());
                        }
                        if (parts.last() != null && messageKey != null) {
                            rows.put(messageKey, parts.last());
                        }
                        rows.put(conversation.rid(), user, rowVersion, threadVersion(parts.thread()), facts);
                        return read.put(conversation.rid(),
                                new InboxRow(conversation.row(), parts.thread(), parts.last(), facts));
                    }).list();
            for (int i = 0; i < page.size(); i++) {
                if (page.get(i) == null) {
                    page.set(i, Objects.requireNonNull(read.get(keys.get(i).conversation()), "a page's row read in full"));
                }
            }
        }
        return page;
    }

    /** A thread's version, 0 for none (a user who has not touched the conversation). */
    private static long threadVersion(ThreadRow thread) {
        return thread == null ? 0 : thread.meta().version();
    }

    /** The page row of {@code key} from the cache, or null if any of its parts is missing or stale. */
    private InboxRow cached(PageKey key, String user) {
        ConversationTable.Read read = rows.conversation(key.conversation(), key.rowVersion());
        if (read == null) {
            return null;
        }
        ReadFacts facts = rows.facts(key.conversation(), user, key.rowVersion(),
                key.threadVersion() == null ? 0 : key.threadVersion());
        if (facts == null) {
            return null;
        }
        ThreadRow thread = null;
        if (key.threadVersion() != null) {
            thread = rows.thread(key.conversation(), user, key.threadVersion());
            if (thread == null) {
                return null;
            }
        }
        MessageRow last = null;
        if (key.message() != null) {
            last = rows.message(key.message(), key.messageVersion());
            if (last == null) {
                return null;
            }
        }
        return new InboxRow(read.row(), thread, last, facts);
    }

    /** SQL conditions and their named arguments, built from a spec's enums and booleans. */
    private final class Where {
        private final StringBuilder sql = new StringBuilder(" WHERE c.tenant = :tenant");
        private final Map<String, Object> args = new LinkedHashMap<>();

        Where and(String condition) {
            sql.append(" AND ").append(condition);
            return this;
        }

        Where and(String condition, String name, Object value) {
            args.put(name, value);
            return and(condition);
        }

        Where text(List<String> terms) {
            return terms.isEmpty() ? this
                    : and("c.rid IN (" + dialect.matchingConversations() + ")", "match", dialect.matchArgument(terms));
        }

        Where assignee(AssigneeFilter filter) {
            if (filter == null) {
                return this;
            }
            return filter.isUnassigned() ? and("c.assigned_to IS NULL")
                    : and("c.assigned_to = :assignee", "assignee", filter.userId());
        }

        Where unread(long allReadSeq, boolean unread) {
            return and(unread ? UNREAD : "NOT " + UNREAD, "allRead", allReadSeq);
        }

        /** {@code select}, these conditions, then {@code rest}; their arguments, the tenant and {@code user} bound. */
        Query query(String select, String rest, String user) {
            Query query = JdbiTransaction.this.query(select + sql + rest).bind("user", user);
            args.forEach(query::bind);
            return query;
        }
    }

    private Where inboxWhere(InboxSpec spec) {
        Where w = new Where().and("NOT c.deleted AND c.last_message_date IS NOT NULL");
        long now = spec.now().toEpochMilli();
        switch (spec.view()) {
            case INBOX -> w.and("NOT " + ARCHIVED + " AND NOT " + SNOOZED, "now", now);
            case ARCHIVED -> w.and(ARCHIVED);
            case SNOOZED -> w.and(SNOOZED + " AND NOT " + ARCHIVED, "now", now);
            case ALL -> { }
        }
        if (spec.unreadOnly()) {
            w.unread(spec.allReadSeq(), true);
        }
        if (spec.importantOnly()) {
            w.and("t.important");
        }
        w.assignee(spec.assignee());
        if (spec.channel() != null) {
            w.and("c.channel = :channel", "channel", spec.channel().wireValue());
        }
        return w.text(spec.textTerms());
    }

    @Override
    public List<InboxRow> inbox(InboxSpec spec) {
        Where w = inboxWhere(spec);
        if (spec.after() != null) {
            w.and("c.last_message_date <= :afterDate AND (c.last_message_date < :afterDate OR c.id < :afterId)",
                    "afterDate", spec.after().date().toEpochMilli());
            w.args.put("afterId", spec.after().id());
        }
        return page(w, true, " ORDER BY c.last_message_date DESC, c.id DESC LIMIT :limit", spec.userId(), spec.limit());
    }

    @Override
    public long countInbox(InboxSpec spec) {
        return count(inboxWhere(spec), spec.userId());
    }

    private long count(Where w, String userId) {
        return w.query("SELECT count(*) FROM conversation c LEFT JOIN thread t ON t.conversation = c.rid"
                + " AND t.user_id = :user", "", userId).mapTo(Long.class).one();
    }

    private static String sortKey(SearchSort sort) {
        return sort == SearchSort.CREATED_DATE ? "c.created_date" : "coalesce(c.last_message_date, c.created_date)";
    }

    private Where searchWhere(SearchSpec spec) {
        Where w = new Where();
        if (!spec.includeDeleted()) {
            w.and("NOT c.deleted");
        }
        switch (spec.status()) {
            case ALL -> { }
            case READ -> w.unread(spec.allReadSeq(), false);
            case UNREAD -> w.unread(spec.allReadSeq(), true);
            case STARRED -> w.and("t.important");
            case RECENTS -> w.and("c.last_message_date IS NOT NULL");
        }
        if (spec.customerId() != null) {
            w.and("c.customer_id = :customer", "customer", spec.customerId());
        }
        w.assignee(spec.assignee());
        if (spec.lastMessageDirection() != null) {
            w.and("c.last_message_direction = :direction", "direction", spec.lastMessageDirection().wireValue());
        }
        return w.text(spec.textTerms());
    }

    @Override
    public List<InboxRow> searchConversations(SearchSpec spec) {
        Where w = searchWhere(spec);
        String key = sortKey(spec.sort());
        String direction = spec.descending() ? "DESC" : "ASC";
        if (spec.after() != null) {
            String cmp = spec.descending() ? "<" : ">";
            w.and(key + " " + cmp + "= :afterDate AND (" + key + " " + cmp + " :afterDate OR c.id " + cmp + " :afterId)",
                    "afterDate", spec.after().date().toEpochMilli());
            w.args.put("afterId", spec.after().id());
        }
        return page(w, false, " ORDER BY " + key + " " + direction + ", c.id " + direction + " LIMIT :limit",
                spec.userId(), spec.limit());
    }

    @Override
    public long countConversations(SearchSpec spec) {
        return count(searchWhere(spec), spec.userId());
    }

    // --- messages ----------------------------------------------------------------------

    /** Messages with their conversation's id and customer (the message row keeps only its key). */
    private static final String MESSAGES = "SELECT " + MessageTable.SELECT + ", c.id, c.customer_id"
            + " FROM message m JOIN conversation c ON c.rid = m.conversation";

    private MessageRow messageRow(ResultSet rs) throws SQLException {
        int idColumn = MessageTable.COLUMNS.size() + 1;
        return MessageTable.read(new Cells(rs), tenant, rs.getString(idColumn), rs.getString(idColumn + 1));
    }

    private Optional<MessageRow> oneMessage(String condition, String name, Object value) {
        return query(MESSAGES + " WHERE m.tenant = :tenant AND " + condition).bind(name, value)
                .map((rs, ctx) -> messageRow(rs)).findFirst();
    }

    @Override
    public Optional<MessageRow> findMessage(String id) {
        return oneMessage("m.id = :id", "id", id);
    }

    @Override
    public List<MessageRow> findMessages(List<String> ids) {
        return query(MESSAGES + " WHERE m.tenant = :tenant AND m.id IN (" + dialect.textsIn("ids") + ")")
                .bind("ids", Json.write(ids)).map((rs, ctx) -> messageRow(rs)).list();
    }

    @Override
    public Optional<MessageRow> findMessageByClientMessageId(String clientMessageId) {
        return oneMessage("m.client_message_id = :clientId", "clientId", clientMessageId);
    }

    @Override
    public Optional<MessageRow> insertMessage(MessageRow row) {
        Message m = row.message();
        long conversation = conversationKey(m.conversationId());
        Set<String> tokens = m.deleted() ? Set.of() : TextTokens.tokens(m.text());
        boolean withTokens = !dialect.messageInsertExtra().isEmpty();
        checkWritable();
        // the new row's key comes back with the insert (RETURNING); none: the client message id was taken
        List<Long> inserted = orDuplicate(row.id(), () -> Jdbc.rows(h(), dialect, dialect == Dialect.SQLITE
                ? SQLITE_MESSAGE_INSERT : POSTGRES_MESSAGE_INSERT, st -> {
                    int next = Column.bind(st, 1, MessageTable.COLUMNS, row);
                    st.setLong(next, tenantKey);
                    st.setLong(next + 1, conversation);
                    if (withTokens) {
                        Column.bindValue(st, next + 2, Dialect.tokensOrNull(tokens), String.class);
                    }
                }, rs -> rs.getLong(1)));
        if (!inserted.isEmpty()) {
            long rid = inserted.get(0);
            if (pendingChange != null && pendingChange.entityId().equals(row.id())) {
                writePendingChange(rid);
            }
            if (!tokens.isEmpty() && !withTokens) {
                dialect.indexNewMessage(h(), rid, tokens);
            }
            return Optional.empty();
        }
        String clientId = m.clientMessageId();
        if (clientId == null) {
            throw new IllegalStateException("message " + row.id() + " was not inserted");
        }
        return findMessageByClientMessageId(clientId);
    }

    private static final String SQLITE_MESSAGE_INSERT;
    private static final String POSTGRES_MESSAGE_INSERT;

    static {
        String conflict = " ON CONFLICT (tenant, client_message_id) WHERE client_message_id IS NOT NULL DO NOTHING"
                + " RETURNING rid";
        SQLITE_MESSAGE_INSERT = Column.insert("message", MessageTable.COLUMNS, "tenant", "conversation") + conflict;
        POSTGRES_MESSAGE_INSERT = Column.insert("message", MessageTable.COLUMNS, "tenant", "conversation", "tokens")
                .replaceFirst("\\?\\)$", "array_to_tsvector(string_to_array(CAST(? AS text), ' ')))") + conflict;
    }

    @Override
    public boolean updateMessage(MessageRow before, MessageRow row) {
        // only the columns that changed: SQLite rewrites the index entries of every column it is told to set
        List<Column<MessageRow>> columns = Column.changed(MessageTable.COLUMNS, before, row);
        boolean updated = execute("UPDATE message SET " + Column.assignments(columns)
                + " WHERE id = ? AND tenant = ? AND version = ?", st -> {
                    int next = Column.bind(st, 1, columns, row);
                    st.setString(next, row.id());
                    st.setLong(next + 1, tenantKey);
                    st.setLong(next + 2, before.message().version());
                }) == 1;
        Message m = row.message();
        boolean searchChanged = m.deleted() != before.message().deleted()
                || !java.util.Objects.equals(m.text(), before.message().text());
        if (updated && searchChanged) {
            long rid = query("SELECT rid FROM message WHERE id = :id AND tenant = :tenant").bind("id", row.id())
                    .mapTo(Long.class).one();
            if (m.deleted()) {
                dialect.unindexMessage(h(), rid);
            } else {
                dialect.indexMessage(h(), rid, TextTokens.tokens(m.text()));
            }
        }
        return updated;
    }

    /** A conversation's messages in (createdDate, id) order, either way; no tenant predicate: the key is the tenant's. */
    @Override
    public List<MessageRow> listMessages(MessageListSpec spec) {
        long conversation = conversationKey(spec.conversationId());
        InboxPosition edge = spec.before() != null ? spec.before() : spec.after();
        String cmp = spec.before() != null ? "<" : ">";
        String direction = spec.before() != null ? "DESC" : "ASC";
        StringBuilder sql = new StringBuilder(MESSAGES + " WHERE m.conversation = :conversation");
        if (!spec.includeDeleted()) {
            sql.append(" AND NOT m.deleted");
        }
        if (edge != null) {
            sql.append(" AND m.created_date ").append(cmp).append("= :edgeDate AND (m.created_date ").append(cmp)
                    .append(" :edgeDate OR m.id ").append(cmp).append(" :edgeId)");
        }
        sql.append(" ORDER BY m.created_date ").append(direction).append(", m.id ").append(direction)
                .append(" LIMIT :limit");
        Query query = h().createQuery(sql.toString()).bind("conversation", conversation).bind("limit", spec.limit());
        if (edge != null) {
            query.bind("edgeDate", edge.date().toEpochMilli()).bind("edgeId", edge.id());
        }
        List<MessageRow> rows = new ArrayList<>(query.map((rs, ctx) -> messageRow(rs)).list());
        if (spec.before() != null) {
            Collections.reverse(rows);
        }
        return rows;
    }

    private Optional<MessageRow> conversationMessage(String conversationId, String condition) {
        return h().createQuery(MESSAGES + " WHERE m.conversation = :conversation AND " + condition)
                .bind("conversation", conversationKey(conversationId)).map((rs, ctx) -> messageRow(rs)).findFirst();
    }

    @Override
    public Optional<MessageRow> newestLiveMessage(String conversationId) {
        return conversationMessage(conversationId, "NOT m.deleted ORDER BY m.created_date DESC, m.id DESC LIMIT 1");
    }

    @Override
    public Optional<MessageRow> newestLiveCustomerMessage(String conversationId) {
        return conversationMessage(conversationId,
                "m.customer_number > 0 AND NOT m.deleted ORDER BY m.customer_number DESC LIMIT 1");
    }

    @Override
    public int customerNumberAt(String conversationId, long feedSeq) {
        return h().createQuery("""
                SELECT customer_number FROM message WHERE conversation = :conversation AND customer_number > 0
                AND feed_seq <= :feedSeq ORDER BY customer_number DESC LIMIT 1""")
                .bind("conversation", conversationKey(conversationId)).bind("feedSeq", feedSeq)
                .mapTo(Integer.class).findOne().orElse(0);
    }

    @Override
    public int deletedCustomerMessagesAfter(String conversationId, int number) {
        return h().createQuery("""
                SELECT count(*) FROM message WHERE conversation = :conversation AND customer_number > 0
                AND customer_number > :number AND deleted""")
                .bind("conversation", conversationKey(conversationId)).bind("number", number)
                .mapTo(Integer.class).one();
    }

    @Override
    public Optional<Instant> firstLiveCustomerMessageDateAfter(String conversationId, int number) {
        return h().createQuery("""
                SELECT created_date FROM message WHERE conversation = :conversation AND customer_number > 0
                AND customer_number > :number AND NOT deleted ORDER BY customer_number LIMIT 1""")
                .bind("conversation", conversationKey(conversationId)).bind("number", number)
                .mapTo(Long.class).findOne().map(Instant::ofEpochMilli);
    }

    // --- threads and users -------------------------------------------------------------

    static final String THREAD = "SELECT " + ThreadTable.SELECT
            + " FROM thread t WHERE t.conversation = ? AND t.user_id = ?";

    /**
     * {@link #THREAD} with the user's "mark all read" horizon (its first two parameters), one row
     * whether the thread exists or not (a thread's user id null: none).
     */
    static final String THREAD_AND_ALL_READ = "SELECT " + ThreadTable.SELECT
            + ", coalesce((SELECT all_read_seq FROM user_state WHERE tenant = ? AND user_id = ?), 0)"
            + " FROM (SELECT 1) AS one LEFT JOIN thread t ON t.conversation = ? AND t.user_id = ?";

    @Override
    public Optional<ThreadRow> findThread(String conversationId, String userId) {
        long conversation = conversationKey(conversationId);
        if (writable && !allReadSeqOf.containsKey(userId)) {
            // a write to a thread asks for its user's horizon next (is it read? its view): one statement
            return Jdbc.rows(h(), dialect, THREAD_AND_ALL_READ, st -> {
                st.setLong(1, tenantKey);
                st.setString(2, userId);
                st.setLong(3, conversation);
                st.setString(4, userId);
            }, rs -> {
                Cells cells = new Cells(rs);
                ThreadRow thread = ThreadTable.read(cells, conversationId);
                allReadSeqOf.put(userId, cells.longValue());
                return Optional.ofNullable(thread);
            }).get(0);
        }
        return Jdbc.rows(h(), dialect, THREAD, st -> {
            st.setLong(1, conversation);
            st.setString(2, userId);
        }, rs -> ThreadTable.read(new Cells(rs), conversationId)).stream().findFirst();
    }

    @Override
    public boolean saveThread(ThreadRow row, long expectedVersion) {
        long conversation = conversationKey(row.conversationId());
        if (expectedVersion == 0) {
            return execute(Column.insert("thread", ThreadTable.COLUMNS, "conversation") + " ON CONFLICT DO NOTHING",
                    st -> st.setLong(Column.bind(st, 1, ThreadTable.COLUMNS, row), conversation)) == 1;
        }
        return execute("UPDATE thread SET " + Column.assignments(ThreadTable.COLUMNS)
                + " WHERE conversation = ? AND user_id = ? AND version = ?", st -> {
                    int next = Column.bind(st, 1, ThreadTable.COLUMNS, row);
                    st.setLong(next, conversation);
                    st.setString(next + 1, row.userId());
                    st.setLong(next + 2, expectedVersion);
                }) == 1;
    }

    /** The threads of a conversation, each with its user's notification settings (null columns: none). */
    static final String THREADS_AND_SETTINGS = "SELECT " + ThreadTable.SELECT
            + ", n.user_id, n.send_email, n.send_in_app, n.send_sms FROM thread t"
            + " LEFT JOIN notification_config n ON n.tenant = ? AND n.user_id = t.user_id"
            + " WHERE t.conversation = ?";

    @Override
    public List<ThreadRow> threadsOf(String conversationId) {
        long conversation = conversationKey(conversationId);
        return Jdbc.rows(h(), dialect, THREADS_AND_SETTINGS, st -> {
            st.setLong(1, tenantKey);
            st.setLong(2, conversation);
        }, rs -> {
            Cells cells = new Cells(rs);
            ThreadRow thread = ThreadTable.read(cells, conversationId);
            notificationConfigsSeen.put(thread.userId(), notificationConfig(cells));
            return thread;
        });
    }

    private static Optional<NotificationConfig> notificationConfig(Cells cells) throws SQLException {
        String userId = cells.string();
        boolean email = cells.bool();
        boolean inApp = cells.bool();
        boolean sms = cells.bool();
        return userId == null ? Optional.empty() : Optional.of(new NotificationConfig(userId, email, inApp, sms));
    }

    @Override
    public Map<String, Long> allReadSeqs() {
        Map<String, Long> all = new HashMap<>();
        query("SELECT user_id, all_read_seq FROM user_state WHERE tenant = :tenant")
                .map((rs, ctx) -> all.put(rs.getString(1), rs.getLong(2))).list();
        return all;
    }

    static final String ALL_READ_SEQS = """
            SELECT coalesce((SELECT all_read_seq FROM user_state WHERE tenant = ? AND user_id = ?), 0),
                   coalesce((SELECT max(all_read_seq) FROM user_state WHERE tenant = ?), 0)""";

    /**
     * Reads the user's and the shop's "mark all read" horizons in one statement, and keeps the
     * shop's for a read-only transaction: every inbox page needs both.
     */
    @Override
    public long allReadSeq(String userId) {
        Long known = allReadSeqOf.get(userId);
        if (known != null) {
            return known; // a write asks again for the view it returns: same transaction, same answer
        }
        Jdbc.Parameters parameters = st -> {
            st.setLong(1, tenantKey);
            st.setString(2, userId);
            st.setLong(3, tenantKey);
        };
        Jdbc.RowReader<long[]> reader = rs -> new long[] {rs.getLong(1), rs.getLong(2)};
        long[] both;
        if (first != null && dialect == Dialect.POSTGRESQL) {
            // a page's first statement: the isolation level goes in the same round trip
            both = Jdbc.rowsAfter(h, takeFirst(), ALL_READ_SEQS, parameters, reader).get(0);
        } else {
            both = Jdbc.rows(h(), dialect, ALL_READ_SEQS, parameters, reader).get(0);
        }
        if (!writable) {
            shopAllReadSeq = both[1];
        }
        allReadSeqOf.put(userId, both[0]);
        return both[0];
    }

    @Override
    public void saveAllReadSeq(String userId, long seq) {
        checkWritable();
        update("""
                INSERT INTO user_state (tenant, user_id, all_read_seq) VALUES (:tenant, :user, :seq)
                ON CONFLICT (tenant, user_id) DO UPDATE SET all_read_seq = excluded.all_read_seq""")
                .bind("user", userId).bind("seq", seq).execute();
        allReadSeqOf.put(userId, seq);
    }

    @Override
    public long shopAllReadSeq() {
        if (shopAllReadSeq >= 0) {
            return shopAllReadSeq; // read along with a user's horizon in this read-only transaction
        }
        return query("SELECT coalesce(max(all_read_seq), 0) FROM user_state WHERE tenant = :tenant")
                .mapTo(Long.class).one();
    }

    @Override
    public Optional<NotificationConfig> findNotificationConfig(String userId) {
        return findNotificationConfigs(List.of(userId)).stream().findFirst();
    }

    @Override
    public List<NotificationConfig> findNotificationConfigs(List<String> userIds) {
        if (notificationConfigsSeen.keySet().containsAll(userIds)) {
            return userIds.stream().map(notificationConfigsSeen::get).flatMap(Optional::stream).toList();
        }
        return query("SELECT user_id, send_email, send_in_app, send_sms FROM notification_config"
                + " WHERE tenant = :tenant AND user_id IN (" + dialect.textsIn("users") + ")")
                .bind("users", Json.write(userIds))
                .map((rs, ctx) -> new NotificationConfig(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getBoolean(4)))
                .list();
    }

    @Override
    public void saveNotificationConfig(NotificationConfig config) {
        checkWritable();
        notificationConfigsSeen.put(config.userId(), Optional.of(config));
        update("""
                INSERT INTO notification_config (tenant, user_id, send_email, send_in_app, send_sms)
                VALUES (:tenant, :user, :email, :inApp, :sms)
                ON CONFLICT (tenant, user_id) DO UPDATE SET send_email = excluded.send_email,
                    send_in_app = excluded.send_in_app, send_sms = excluded.send_sms""")
                .bind("user", config.userId()).bind("email", config.sendEmail())
                .bind("inApp", config.sendInApp()).bind("sms", config.sendSms()).execute();
    }

    // --- outlets -----------------------------------------------------------------------

    @Override
    public List<Outlet> outlets() {
        return query("SELECT code, name, active, sort_order FROM outlet WHERE tenant = :tenant")
                .map((rs, ctx) -> new Outlet(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4))).list();
    }

    @Override
    public void saveOutlet(Outlet outlet) {
        checkWritable();
        update("""
                INSERT INTO outlet (tenant, code, name, active, sort_order) VALUES (:tenant, :code, :name, :active, :order)
                ON CONFLICT (tenant, code) DO UPDATE SET name = excluded.name, active = excluded.active,
                    sort_order = excluded.sort_order""")
                .bind("code", outlet.code()).bind("name", outlet.name())
                .bind("active", outlet.active()).bind("order", outlet.order()).execute();
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
        // the feed first: ids its rows name by row key written back, then what is about the customer emptied
        update("""
                UPDATE change_feed SET entity_rid = NULL,
                    entity_id = (SELECT m.id FROM message m WHERE m.rid = change_feed.entity_rid)
                WHERE tenant = :tenant AND entity_rid IN (SELECT m.rid FROM message m JOIN conversation c
                    ON c.rid = m.conversation WHERE c.tenant = :tenant AND c.customer_id = :customer)""")
                .bind("customer", customerId).execute();
        update("""
                UPDATE change_feed SET payload = NULL, customer_id = NULL, conversation = NULL
                WHERE tenant = :tenant AND (customer_id = :customer OR conversation IN (SELECT rid FROM conversation
                    WHERE tenant = :tenant AND customer_id = :customer))""")
                .bind("customer", customerId).execute();
        List<Long> conversations = query("SELECT rid FROM conversation WHERE tenant = :tenant AND customer_id = :customer")
                .bind("customer", customerId).mapTo(Long.class).list();
        conversationsSeen.clear();
        int erased = 0;
        for (long rid : conversations) {
            for (long message : h().createQuery("SELECT rid FROM message WHERE conversation = :rid")
                    .bind("rid", rid).mapTo(Long.class).list()) {
                dialect.unindexMessage(h(), message);
            }
            dialect.indexContact(h(), rid, Set.of());
            h().createUpdate("DELETE FROM thread WHERE conversation = :rid").bind("rid", rid).execute();
            update("DELETE FROM delivery WHERE tenant = :tenant AND conversation_id = (SELECT id FROM conversation"
                    + " WHERE rid = :rid)").bind("rid", rid).execute();
            erased += h().createUpdate("DELETE FROM message WHERE conversation = :rid").bind("rid", rid).execute();
            h().createUpdate("DELETE FROM conversation WHERE rid = :rid").bind("rid", rid).execute();
        }
        return erased;
    }
}
