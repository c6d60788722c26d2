package dev.messaging.jdbi;

import dev.messaging.common.ActorKind;
import dev.messaging.common.Tenant;
import dev.messaging.change.Change;
import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.conversation.AssigneeFilter;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationStatus;
import dev.messaging.conversation.SearchSort;
import dev.messaging.spi.TextTokens;
import dev.messaging.message.Message;
import dev.messaging.notification.NotificationConfig;
import dev.messaging.outlet.Outlet;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.InboxPosition;
import dev.messaging.spi.InboxRow;
import dev.messaging.spi.InboxSpec;
import dev.messaging.spi.MessageListSpec;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.ReadFacts;
import dev.messaging.spi.SearchSpec;
import dev.messaging.spi.StoreTransaction;
import dev.messaging.spi.ThreadRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * A unit of work on one tenant through one Jdbi {@link Handle}. Every statement is
 * parameterized; filters and sort orders come from the query specs' enums and booleans, never
 * from caller strings. Rows are read by column index with the table mappers.
 */
final class JdbiTransaction implements StoreTransaction {
    private static final String CONVERSATION = Column.names(ConversationTable.COLUMNS, "c");
    private static final String THREAD = Column.names(ThreadTable.COLUMNS, "t");
    private static final String MESSAGE = Column.names(MessageTable.COLUMNS, "m");
    private static final int THREAD_FIRST = ConversationTable.COLUMNS.size() + 1;
    private static final int MESSAGE_FIRST = THREAD_FIRST + ThreadTable.COLUMNS.size();

    private final Handle h;
    private final Dialect dialect;
    private final Tenant tenant;
    private final boolean writable;
    private long feedHead = -1;
    private long savedFeedHead = -1;
    private long shopAllReadSeq = -1;
    /**
     * The conversation rows as this transaction last read or wrote them: an update writes only the
     * columns that changed (SQLite rewrites every index whose column is SET, changed or not), and a
     * contact that did not change is not re-indexed.
     */
    private final Map<String, ConversationRow> conversationsSeen = new HashMap<>();

    JdbiTransaction(Handle h, Dialect dialect, Tenant tenant, boolean writable) {
        this.h = h;
        this.dialect = dialect;
        this.tenant = tenant;
        this.writable = writable;
    }

    /** Takes the tenant's write lock (creating its row on first use) and reads the feed head. */
    void lockTenant() {
        h.createUpdate("INSERT INTO tenant (company_id, location_id, feed_head) VALUES (?, ?, 0) ON CONFLICT DO NOTHING")
                .bind(0, tenant.companyId()).bind(1, tenant.locationId()).execute();
        feedHead = h.createQuery(dialect.lockTenant()).bind(0, tenant.companyId()).bind(1, tenant.locationId())
                .mapTo(Long.class).one();
        savedFeedHead = feedHead;
    }

    /** Writes the feed head once, at the end of the transaction, if changes were appended. */
    void saveFeedHead() {
        if (feedHead != savedFeedHead) {
            h.createUpdate("UPDATE tenant SET feed_head = ? WHERE company_id = ? AND location_id = ?")
                    .bind(0, feedHead).bind(1, tenant.companyId()).bind(2, tenant.locationId()).execute();
            savedFeedHead = feedHead;
        }
    }

    @Override
    public Tenant tenant() {
        return tenant;
    }

    private void checkWritable() {
        if (!writable) {
            throw new IllegalStateException("write in a read-only transaction");
        }
    }

    private int execute(String sql, JdbcWrites.Parameters parameters) {
        return JdbcWrites.execute(h, dialect, sql, parameters);
    }

    // --- change feed -------------------------------------------------------------------

    @Override
    public long feedHead() {
        if (feedHead < 0) {
            feedHead = h.createQuery("SELECT feed_head FROM tenant WHERE company_id = ? AND location_id = ?")
                    .bind(0, tenant.companyId()).bind(1, tenant.locationId()).mapTo(Long.class).findOne().orElse(0L);
        }
        return feedHead;
    }

    @Override
    public Change appendChange(Change draft) {
        checkWritable();
        long sequence = feedHead() + 1;
        execute("INSERT INTO change_feed (company_id, location_id, sequence, entity_type, entity_id, version,"
                + " operation, actor_kind, actor_id, session_id, time, customer_id, payload)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", st -> {
                    st.setString(1, tenant.companyId());
                    st.setString(2, tenant.locationId());
                    st.setLong(3, sequence);
                    st.setString(4, draft.entityType().name());
                    st.setString(5, draft.entityId());
                    st.setLong(6, draft.version());
                    st.setString(7, draft.operation().name());
                    st.setString(8, draft.actorKind().name());
                    Column.bindValue(st, 9, draft.actorId(), String.class);
                    Column.bindValue(st, 10, draft.sessionId(), String.class);
                    st.setLong(11, draft.time().toEpochMilli());
                    Column.bindValue(st, 12, draft.customerId(), String.class);
                    Column.bindValue(st, 13, Json.write(draft.payload()), String.class);
                });
        feedHead = sequence; // written once by saveFeedHead() before commit
        return new Change(sequence, draft.entityType(), draft.entityId(), draft.version(), draft.operation(),
                draft.actorKind(), draft.actorId(), draft.sessionId(), draft.time(), draft.customerId(), draft.payload());
    }

    @Override
    public List<Change> changesSince(long after, int limit) {
        return h.createQuery("SELECT sequence, entity_type, entity_id, version, operation, actor_kind, actor_id,"
                        + " session_id, time, customer_id, payload FROM change_feed"
                        + " WHERE company_id = ? AND location_id = ? AND sequence > ? ORDER BY sequence LIMIT ?")
                .bind(0, tenant.companyId()).bind(1, tenant.locationId()).bind(2, after).bind(3, limit)
                .map((rs, ctx) -> new Change(rs.getLong(1), EntityType.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getLong(4), Operation.valueOf(rs.getString(5)), ActorKind.valueOf(rs.getString(6)),
                        rs.getString(7), rs.getString(8), Instant.ofEpochMilli(rs.getLong(9)), rs.getString(10),
                        Json.strings(rs.getString(11))))
                .list();
    }

    @Override
    public int pruneChanges(Instant before) {
        checkWritable();
        return h.createUpdate("DELETE FROM change_feed WHERE company_id = ? AND location_id = ? AND time < ?")
                .bind(0, tenant.companyId()).bind(1, tenant.locationId()).bind(2, before.toEpochMilli()).execute();
    }

    // --- conversations -----------------------------------------------------------------

    private Optional<ConversationRow> conversationWhere(String condition, Object value) {
        return h.createQuery("SELECT " + CONVERSATION + " FROM conversation c WHERE c.company_id = ?"
                        + " AND c.location_id = ? AND " + condition)
                .bind(0, tenant.companyId()).bind(1, tenant.locationId()).bind(2, value)
                .map((rs, ctx) -> ConversationTable.read(rs, 1)).findOne()
                .map(row -> {
                    conversationsSeen.put(row.id(), row);
                    return row;
                });
    }

    @Override
    public Optional<ConversationRow> findConversation(String id) {
        // Within one transaction a row this transaction read or wrote is current: the tenant's
        // writers are serialized, and a read-only transaction sees one snapshot.
        ConversationRow seen = conversationsSeen.get(id);
        return seen != null ? Optional.of(seen) : conversationWhere("c.id = ?", id);
    }

    @Override
    public Optional<ConversationRow> findLiveConversation(String customerId) {
        return conversationWhere("c.customer_id = ? AND NOT c.deleted", customerId);
    }

    /** Inserts {@code row} unless a unique key of the table holds it already; true if inserted. */
    private <R> boolean insertIfAbsent(String insert, List<Column<R>> columns, R row) {
        checkWritable();
        return execute(insert + " ON CONFLICT DO NOTHING", st -> Column.bind(st, 1, columns, row)) == 1;
    }

    /** Replaces the tenant's row {@code id} if its version is still {@code expectedVersion}. */
    private <R> boolean compareAndSet(String table, List<Column<R>> columns, R row, String id, long expectedVersion) {
        checkWritable();
        return execute("UPDATE " + table + " SET " + Column.assignments(columns)
                + " WHERE id = ? AND company_id = ? AND location_id = ? AND version = ?", st -> {
                    int next = Column.bind(st, 1, columns, row);
                    st.setString(next, id);
                    st.setString(next + 1, tenant.companyId());
                    st.setString(next + 2, tenant.locationId());
                    st.setLong(next + 3, expectedVersion);
                }) == 1;
    }

    @Override
    public Optional<ConversationRow> insertConversation(ConversationRow row) {
        if (insertIfAbsent(ConversationTable.INSERT, ConversationTable.COLUMNS, row)) {
            conversationsSeen.put(row.id(), row);
            indexContact(row.conversation());
            return Optional.empty();
        }
        return findLiveConversation(row.conversation().customerId());
    }

    @Override
    public boolean updateConversation(ConversationRow row, long expectedVersion) {
        ConversationRow before = conversationsSeen.get(row.id());
        List<Column<ConversationRow>> columns = before == null ? ConversationTable.COLUMNS
                : Column.changed(ConversationTable.COLUMNS, before, row);
        if (!compareAndSet("conversation", columns, row, row.id(), expectedVersion)) {
            return false;
        }
        conversationsSeen.put(row.id(), row);
        if (before == null || !Objects.equals(before.conversation().contact(), row.conversation().contact())) {
            indexContact(row.conversation());
        }
        return true;
    }

    private void indexContact(Conversation c) {
        Contact contact = c.contact();
        dialect.indexDocument(h, tenant, "c:" + c.id(), c.id(), contact == null ? Collections.emptySet()
                : TextTokens.tokens(contact.firstName(), contact.lastName(), contact.companyName(), contact.email(),
                        contact.phone()));
    }

    /**
     * The facts at the thread's own read number (see {@link ReadFacts}), computed per result row by
     * correlated subqueries on the customer-message indexes: one statement per page instead of a
     * lookup per row.
     */
    private static final String READ_FACTS = ", coalesce(t.read_number, 0),"
            + " CASE WHEN c.last_live_customer_number > coalesce(t.read_number, 0) THEN (SELECT f.created_date"
            + " FROM message f WHERE f.conversation_id = c.id AND f.customer_number > coalesce(t.read_number, 0)"
            + " AND f.customer_number > 0 AND NOT f.deleted ORDER BY f.customer_number LIMIT 1) END,"
            + " CASE WHEN c.deleted_customer_count > 0 THEN (SELECT count(*) FROM message d"
            + " WHERE d.conversation_id = c.id AND d.customer_number > coalesce(t.read_number, 0)"
            + " AND d.customer_number > 0 AND d.deleted) ELSE 0 END";
    private static final int FACTS_FIRST = MESSAGE_FIRST + MessageTable.COLUMNS.size();

    /** The SELECT and JOINs the inbox and search share; binds the user id first. */
    private static String rowsFrom(boolean messageRequired) {
        return "SELECT " + CONVERSATION + ", " + THREAD + ", " + MESSAGE + READ_FACTS + " FROM conversation c"
                + " LEFT JOIN thread t ON t.conversation_id = c.id AND t.user_id = ?"
                + (messageRequired ? " JOIN" : " LEFT JOIN") + " message m ON m.id = c.last_message_id";
    }

    private static InboxRow inboxRow(ResultSet rs) throws SQLException {
        MessageRow last = rs.getString(MESSAGE_FIRST) == null ? null : MessageTable.read(rs, MESSAGE_FIRST);
        ReadFacts facts = new ReadFacts(rs.getInt(FACTS_FIRST), Cells.instant(rs, FACTS_FIRST + 1),
                rs.getInt(FACTS_FIRST + 2));
        return new InboxRow(ConversationTable.read(rs, 1), ThreadTable.read(rs, THREAD_FIRST), last, facts);
    }

    /** SQL conditions and their arguments, built from a spec's enums and booleans. */
    private final class Where {
        private final StringBuilder sql = new StringBuilder(" WHERE c.company_id = ? AND c.location_id = ?");
        private final List<Object> args = new ArrayList<>(List.of(tenant.companyId(), tenant.locationId()));

        Where and(String condition, Object... values) {
            sql.append(" AND ").append(condition);
            args.addAll(List.of(values));
            return this;
        }

        Where text(List<String> terms) {
            if (!terms.isEmpty()) {
                and("c.id IN (" + dialect.matchingConversations() + ")", tenant.companyId(), tenant.locationId(),
                        dialect.matchArgument(terms));
            }
            return this;
        }

        Where assignee(AssigneeFilter filter) {
            if (filter == null) {
                return this;
            }
            return filter.isUnassigned() ? and("c.assigned_to IS NULL") : and("c.assigned_to = ?", filter.userId());
        }

        Where unread(long allReadSeq) {
            return and("c.last_live_customer_number > coalesce(t.read_number, 0) AND (coalesce(t.read_feed_seq, 0) >= ?"
                    + " OR c.last_live_customer_feed_seq > ?)", allReadSeq, allReadSeq);
        }

        Where read(long allReadSeq) {
            return and("NOT (c.last_live_customer_number > coalesce(t.read_number, 0) AND (coalesce(t.read_feed_seq, 0) >= ?"
                    + " OR c.last_live_customer_feed_seq > ?))", allReadSeq, allReadSeq);
        }
    }

    private static final String ARCHIVED = "(c.archived OR (coalesce(t.archived_seq, 0) > 0"
            + " AND coalesce(t.archived_seq, 0) >= c.last_customer_feed_seq))";
    private static final String SNOOZED = "(c.status = '" + ConversationStatus.SNOOZED.wireValue()
            + "' AND c.snoozed_until IS NOT NULL AND c.snoozed_until > ?)";

    private Where inboxWhere(InboxSpec spec) {
        Where w = new Where().and("NOT c.deleted AND c.last_message_date IS NOT NULL");
        long now = spec.now().toEpochMilli();
        switch (spec.view()) {
            case INBOX -> w.and("NOT " + ARCHIVED + " AND NOT " + SNOOZED, now);
            case ARCHIVED -> w.and(ARCHIVED);
            case SNOOZED -> w.and(SNOOZED + " AND NOT " + ARCHIVED, now);
            case ALL -> { }
        }
        if (spec.unreadOnly()) {
            w.unread(spec.allReadSeq());
        }
        if (spec.importantOnly()) {
            w.and("t.important");
        }
        w.assignee(spec.assignee());
        if (spec.channel() != null) {
            w.and("c.channel = ?", spec.channel().wireValue());
        }
        return w.text(spec.textTerms());
    }

    @Override
    public List<InboxRow> inbox(InboxSpec spec) {
        Where w = inboxWhere(spec);
        if (spec.after() != null) {
            long date = spec.after().date().toEpochMilli();
            w.and("c.last_message_date <= ? AND (c.last_message_date < ? OR c.id < ?)", date, date, spec.after().id());
        }
        String sql = rowsFrom(true) + w.sql + " ORDER BY c.last_message_date DESC, c.id DESC LIMIT ?";
        return rows(sql, spec.userId(), w.args, spec.limit());
    }

    @Override
    public long countInbox(InboxSpec spec) {
        Where w = inboxWhere(spec);
        return count("SELECT count(*) FROM conversation c LEFT JOIN thread t ON t.conversation_id = c.id"
                + " AND t.user_id = ?" + w.sql, spec.userId(), w.args);
    }

    private List<InboxRow> rows(String sql, String userId, List<Object> args, int limit) {
        var query = h.createQuery(sql).bind(0, userId);
        for (int i = 0; i < args.size(); i++) {
            query.bind(i + 1, args.get(i));
        }
        return query.bind(args.size() + 1, limit).map((rs, ctx) -> inboxRow(rs)).list();
    }

    private long count(String sql, String userId, List<Object> args) {
        var query = h.createQuery(sql).bind(0, userId);
        for (int i = 0; i < args.size(); i++) {
            query.bind(i + 1, args.get(i));
        }
        return query.mapTo(Long.class).one();
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
            case READ -> w.read(spec.allReadSeq());
            case UNREAD -> w.unread(spec.allReadSeq());
            case STARRED -> w.and("t.important");
            case RECENTS -> w.and("c.last_message_date IS NOT NULL");
        }
        if (spec.customerId() != null) {
            w.and("c.customer_id = ?", spec.customerId());
        }
        w.assignee(spec.assignee());
        if (spec.lastMessageDirection() != null) {
            w.and("c.last_message_direction = ?", spec.lastMessageDirection().wireValue());
        }
        return w.text(spec.textTerms());
    }

    @Override
    public List<InboxRow> searchConversations(SearchSpec spec) {
        Where w = searchWhere(spec);
        String key = sortKey(spec.sort());
        String direction = spec.descending() ? "DESC" : "ASC";
        if (spec.after() != null) {
            long date = spec.after().date().toEpochMilli();
            String cmp = spec.descending() ? "<" : ">";
            w.and(key + " " + cmp + "= ? AND (" + key + " " + cmp + " ? OR c.id " + cmp + " ?)", date, date,
                    spec.after().id());
        }
        String sql = rowsFrom(false) + w.sql + " ORDER BY " + key + " " + direction + ", c.id " + direction + " LIMIT ?";
        return rows(sql, spec.userId(), w.args, spec.limit());
    }

    @Override
    public long countConversations(SearchSpec spec) {
        Where w = searchWhere(spec);
        return count("SELECT count(*) FROM conversation c LEFT JOIN thread t ON t.conversation_id = c.id"
                + " AND t.user_id = ?" + w.sql, spec.userId(), w.args);
    }

    // --- messages ----------------------------------------------------------------------

    /** One message of a conversation (the id is always one of the tenant's, as core read it in this transaction). */
    private Optional<MessageRow> conversationMessage(String condition, Object... values) {
        var query = h.createQuery("SELECT " + MESSAGE + " FROM message m WHERE " + condition);
        for (int i = 0; i < values.length; i++) {
            query.bind(i, values[i]);
        }
        return query.map((rs, ctx) -> MessageTable.read(rs, 1)).findFirst();
    }

    private Optional<MessageRow> oneMessage(String condition, Object... values) {
        var query = h.createQuery("SELECT " + MESSAGE + " FROM message m WHERE m.company_id = ? AND m.location_id = ?"
                + " AND " + condition).bind(0, tenant.companyId()).bind(1, tenant.locationId());
        for (int i = 0; i < values.length; i++) {
            query.bind(i + 2, values[i]);
        }
        return query.map((rs, ctx) -> MessageTable.read(rs, 1)).findFirst();
    }

    @Override
    public Optional<MessageRow> findMessage(String id) {
        return oneMessage("m.id = ?", id);
    }

    @Override
    public Optional<MessageRow> insertMessage(MessageRow row) {
        if (insertIfAbsent(MessageTable.INSERT, MessageTable.COLUMNS, row)) {
            Message m = row.message();
            if (!m.deleted()) {
                dialect.addDocument(h, tenant, "m:" + m.id(), m.conversationId(), TextTokens.tokens(m.text()));
            }
            return Optional.empty();
        }
        String clientId = row.message().clientMessageId();
        if (clientId == null) {
            throw new IllegalStateException("message " + row.id() + " exists already");
        }
        return oneMessage("m.client_message_id = ?", clientId);
    }

    @Override
    public boolean updateMessage(MessageRow row, long expectedVersion) {
        if (!compareAndSet("message", MessageTable.COLUMNS, row, row.id(), expectedVersion)) {
            return false;
        }
        indexMessage(row.message());
        return true;
    }

    private void indexMessage(Message m) {
        if (m.deleted()) {
            dialect.removeDocument(h, "m:" + m.id());
        } else {
            dialect.indexDocument(h, tenant, "m:" + m.id(), m.conversationId(), TextTokens.tokens(m.text()));
        }
    }

    @Override
    public List<MessageRow> listMessages(MessageListSpec spec) {
        // The conversation id is one of the tenant's (core read it in this transaction); no tenant
        // predicate here, so that the planner sees only the conversation's index range.
        StringBuilder sql = new StringBuilder("SELECT " + MESSAGE + " FROM message m WHERE m.conversation_id = ?");
        List<Object> args = new ArrayList<>(List.of(spec.conversationId()));
        if (!spec.includeDeleted()) {
            sql.append(" AND NOT m.deleted");
        }
        InboxPosition edge = spec.before() != null ? spec.before() : spec.after();
        String cmp = spec.before() != null ? "<" : ">";
        if (edge != null) {
            long date = edge.date().toEpochMilli();
            sql.append(" AND m.created_date ").append(cmp).append("= ? AND (m.created_date ").append(cmp)
                    .append(" ? OR m.id ").append(cmp).append(" ?)");
            args.addAll(List.of(date, date, edge.id()));
        }
        String direction = spec.before() != null ? "DESC" : "ASC";
        sql.append(" ORDER BY m.created_date ").append(direction).append(", m.id ").append(direction).append(" LIMIT ?");
        args.add(spec.limit());
        var query = h.createQuery(sql.toString());
        for (int i = 0; i < args.size(); i++) {
            query.bind(i, args.get(i));
        }
        List<MessageRow> rows = new ArrayList<>(query.map((rs, ctx) -> MessageTable.read(rs, 1)).list());
        if (spec.before() != null) {
            Collections.reverse(rows);
        }
        return rows;
    }

    @Override
    public Optional<MessageRow> newestLiveMessage(String conversationId) {
        return conversationMessage("m.conversation_id = ? AND NOT m.deleted ORDER BY m.created_date DESC, m.id DESC LIMIT 1",
                conversationId);
    }

    @Override
    public Optional<MessageRow> newestLiveCustomerMessage(String conversationId) {
        return conversationMessage("m.conversation_id = ? AND m.customer_number > 0 AND NOT m.deleted"
                + " ORDER BY m.customer_number DESC LIMIT 1", conversationId);
    }

    @Override
    public int customerNumberAt(String conversationId, long feedSeq) {
        return h.createQuery("SELECT customer_number FROM message WHERE conversation_id = ? AND customer_number > 0"
                        + " AND feed_seq <= ? ORDER BY feed_seq DESC LIMIT 1")
                .bind(0, conversationId).bind(1, feedSeq).mapTo(Integer.class).findOne().orElse(0);
    }

    @Override
    public int deletedCustomerMessagesAfter(String conversationId, int number) {
        return h.createQuery("SELECT count(*) FROM message WHERE conversation_id = ? AND customer_number > ?"
                        + " AND customer_number > 0 AND deleted")
                .bind(0, conversationId).bind(1, number).mapTo(Integer.class).one();
    }

    @Override
    public Optional<Instant> firstLiveCustomerMessageDateAfter(String conversationId, int number) {
        return h.createQuery("SELECT created_date FROM message WHERE conversation_id = ? AND customer_number > ?"
                        + " AND customer_number > 0 AND NOT deleted ORDER BY customer_number LIMIT 1")
                .bind(0, conversationId).bind(1, number).mapTo(Long.class).findOne().map(Instant::ofEpochMilli);
    }

    // --- threads and users -------------------------------------------------------------

    @Override
    public Optional<ThreadRow> findThread(String conversationId, String userId) {
        return h.createQuery("SELECT " + THREAD + " FROM thread t WHERE t.conversation_id = ? AND t.user_id = ?"
                        + " AND t.company_id = ? AND t.location_id = ?")
                .bind(0, conversationId).bind(1, userId).bind(2, tenant.companyId()).bind(3, tenant.locationId())
                .map((rs, ctx) -> ThreadTable.read(rs, 1)).findOne();
    }

    @Override
    public boolean saveThread(ThreadRow row, long expectedVersion) {
        checkWritable();
        if (expectedVersion == 0) {
            return execute(ThreadTable.insert() + " ON CONFLICT DO NOTHING", st -> {
                int next = Column.bind(st, 1, ThreadTable.COLUMNS, row);
                st.setString(next, tenant.companyId());
                st.setString(next + 1, tenant.locationId());
            }) == 1;
        }
        return execute("UPDATE thread SET " + Column.assignments(ThreadTable.COLUMNS)
                + " WHERE conversation_id = ? AND user_id = ? AND company_id = ? AND location_id = ? AND version = ?",
                st -> {
                    int next = Column.bind(st, 1, ThreadTable.COLUMNS, row);
                    st.setString(next, row.conversationId());
                    st.setString(next + 1, row.userId());
                    st.setString(next + 2, tenant.companyId());
                    st.setString(next + 3, tenant.locationId());
                    st.setLong(next + 4, expectedVersion);
                }) == 1;
    }

    @Override
    public List<ThreadRow> threadsOf(String conversationId) {
        return h.createQuery("SELECT " + THREAD + " FROM thread t WHERE t.conversation_id = ? AND t.company_id = ?"
                        + " AND t.location_id = ?")
                .bind(0, conversationId).bind(1, tenant.companyId()).bind(2, tenant.locationId())
                .map((rs, ctx) -> ThreadTable.read(rs, 1)).list();
    }

    @Override
    public Map<String, Long> allReadSeqs() {
        Map<String, Long> all = new HashMap<>();
        h.createQuery("SELECT user_id, all_read_seq FROM user_state WHERE company_id = ? AND location_id = ?")
                .bind(0, tenant.companyId()).bind(1, tenant.locationId())
                .map((rs, ctx) -> all.put(rs.getString(1), rs.getLong(2))).list();
        return all;
    }

    private UserDao users() {
        return h.attach(UserDao.class);
    }

    /**
     * Reads the user's and the shop's "mark all read" horizons in one statement, and keeps the
     * shop's for the transaction: every inbox page needs both (a SqlObject call per value costs more
     * than the query).
     */
    @Override
    public long allReadSeq(String userId) {
        long[] both = h.createQuery("SELECT coalesce((SELECT all_read_seq FROM user_state WHERE company_id = ?"
                        + " AND location_id = ? AND user_id = ?), 0), coalesce((SELECT max(all_read_seq) FROM user_state"
                        + " WHERE company_id = ? AND location_id = ?), 0)")
                .bind(0, tenant.companyId()).bind(1, tenant.locationId()).bind(2, userId)
                .bind(3, tenant.companyId()).bind(4, tenant.locationId())
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).one();
        if (!writable) {
            shopAllReadSeq = both[1];
        }
        return both[0];
    }

    @Override
    public void saveAllReadSeq(String userId, long seq) {
        checkWritable();
        users().saveAllReadSeq(tenant.companyId(), tenant.locationId(), userId, seq);
    }

    @Override
    public long shopAllReadSeq() {
        if (shopAllReadSeq >= 0) {
            return shopAllReadSeq; // read along with a user's horizon in this read-only transaction
        }
        return h.createQuery("SELECT coalesce(max(all_read_seq), 0) FROM user_state WHERE company_id = ?"
                + " AND location_id = ?").bind(0, tenant.companyId()).bind(1, tenant.locationId())
                .mapTo(Long.class).one();
    }

    @Override
    public Optional<NotificationConfig> findNotificationConfig(String userId) {
        return users().notificationConfig(tenant.companyId(), tenant.locationId(), userId);
    }

    @Override
    public void saveNotificationConfig(NotificationConfig config) {
        checkWritable();
        users().saveNotificationConfig(tenant.companyId(), tenant.locationId(), config.userId(), config.sendEmail(),
                config.sendInApp(), config.sendSms());
    }

    // --- outlets -----------------------------------------------------------------------

    @Override
    public List<Outlet> outlets() {
        return h.createQuery("SELECT code, name, active, sort_order FROM outlet WHERE company_id = ? AND location_id = ?")
                .bind(0, tenant.companyId()).bind(1, tenant.locationId())
                .map((rs, ctx) -> new Outlet(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4))).list();
    }

    @Override
    public void saveOutlet(Outlet outlet) {
        checkWritable();
        execute("INSERT INTO outlet (company_id, location_id, code, name, active, sort_order) VALUES (?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (company_id, location_id, code) DO UPDATE SET name = excluded.name,"
                + " active = excluded.active, sort_order = excluded.sort_order", st -> {
                    st.setString(1, tenant.companyId());
                    st.setString(2, tenant.locationId());
                    st.setString(3, outlet.code());
                    Column.bindValue(st, 4, outlet.name(), String.class);
                    st.setBoolean(5, outlet.active());
                    st.setInt(6, outlet.order());
                });
    }

    // --- erasure -----------------------------------------------------------------------

    @Override
    public int eraseCustomer(String customerId) {
        checkWritable();
        List<String> conversations = h.createQuery("SELECT id FROM conversation WHERE company_id = ? AND location_id = ?"
                        + " AND customer_id = ?")
                .bind(0, tenant.companyId()).bind(1, tenant.locationId()).bind(2, customerId).mapTo(String.class).list();
        int erased = 0;
        conversationsSeen.clear();
        for (String id : conversations) {
            dialect.removeDocumentsOf(h, id);
            h.createUpdate("DELETE FROM thread WHERE conversation_id = ?").bind(0, id).execute();
            erased += h.createUpdate("DELETE FROM message WHERE conversation_id = ?").bind(0, id).execute();
            h.createUpdate("DELETE FROM conversation WHERE id = ?").bind(0, id).execute();
        }
        h.createUpdate("UPDATE change_feed SET payload = NULL, customer_id = NULL WHERE company_id = ? AND location_id = ?"
                        + " AND customer_id = ?")
                .bind(0, tenant.companyId()).bind(1, tenant.locationId()).bind(2, customerId).execute();
        return erased;
    }
}
