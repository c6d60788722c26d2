package dev.messaging.jdbi;

import dev.messaging.change.Change;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

/**
 * The {@code change_feed} table's statements: a change's insert (hot: every write makes one, on
 * cached plain JDBC, its codes one letter each, its message and conversation named by row key when
 * known) and the read of the feed after a sequence, which names them by id again.
 */
final class FeedRows {
    static final String INSERT = """
            INSERT INTO change_feed (tenant, sequence, entity_type, entity_id, version, operation, actor_kind,
                actor_id, session_id, time, customer_id, payload, entity_rid, conversation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    /** The changes after {@code :after}, with the ids their row keys name; {@code :tenant} bound by the caller. */
    static final String SINCE = """
            SELECT f.sequence, f.entity_type, coalesce(f.entity_id, m.id), f.version, f.operation, f.actor_kind,
                f.actor_id, f.session_id, f.time, f.customer_id, f.payload, c.id
            FROM change_feed f
            LEFT JOIN message m ON m.rid = f.entity_rid
            LEFT JOIN conversation c ON c.rid = f.conversation
            WHERE f.tenant = :tenant AND f.sequence > :after ORDER BY f.sequence LIMIT :limit""";

    /** PostgreSQL: the tenant's head saved, and the notification other instances' listeners get at COMMIT. */
    private static final String SAVE_HEAD = "WITH saved AS (UPDATE tenant SET feed_head = ? WHERE id = ? RETURNING id)"
            + " SELECT count(pg_notify('" + Dialect.CHANGES_CHANNEL + "', ?)) FROM saved";

    private FeedRows() {
    }

    /** The text of up to 4 inserts in one execution, built once (a write appends one or two changes). */
    private static final String[] INSERTS = IntStream.rangeClosed(0, 4)
            .mapToObj(n -> String.join(";\n", Collections.nCopies(n, INSERT))).toArray(String[]::new);

    private static String inserts(int count) {
        return count < INSERTS.length ? INSERTS[count] : String.join(";\n", Collections.nCopies(count, INSERT));
    }

    /** A change to insert, with the row key of its conversation when known. */
    record Row(Change change, Long messageRid, Long conversationRid) {
    }

    /**
     * PostgreSQL: inserts {@code rows} and saves the tenant's {@code head} with its notification, in
     * one round trip (several statements in one execution: a write's changes and its head cost no
     * round trip of their own; RoundTripsTest).
     */
    static void insertWithHead(Handle h, long tenantKey, List<Row> rows, long head, String notification) {
        Jdbc.Parameters parameters = st -> {
            int at = 1;
            for (Row row : rows) {
                at = bind(st, at, tenantKey, row.change(), row.messageRid(), row.conversationRid());
            }
            st.setLong(at, head);
            st.setLong(at + 1, tenantKey);
            st.setString(at + 2, notification);
        };
        if (rows.isEmpty()) {
            Jdbc.rows(h, Dialect.POSTGRESQL, SAVE_HEAD, parameters, rs -> rs.getLong(1));
        } else {
            Jdbc.rowsAfter(h, inserts(rows.size()), SAVE_HEAD, parameters, rs -> rs.getLong(1));
        }
    }

    /** Inserts {@code change}, naming its message by {@code messageRid} and its conversation by {@code conversationRid} when known. */
    static void insert(Handle h, Dialect dialect, long tenantKey, Change change, Long messageRid, Long conversationRid) {
        Jdbc.execute(h, dialect, INSERT, st -> bind(st, 1, tenantKey, change, messageRid, conversationRid));
    }

    /** Binds an {@link #INSERT}'s values from parameter {@code at}; returns the next parameter's index. */
    static int bind(PreparedStatement st, int at, long tenantKey, Change change, Long messageRid, Long conversationRid)
            throws SQLException {
        st.setLong(at, tenantKey);
        st.setLong(at + 1, change.sequence());
        st.setString(at + 2, FeedCodes.ENTITY_TYPES.letter(change.entityType()));
        Column.bindValue(st, at + 3, messageRid == null ? change.entityId() : null, String.class);
        st.setLong(at + 4, change.version());
        st.setString(at + 5, FeedCodes.OPERATIONS.letter(change.operation()));
        st.setString(at + 6, FeedCodes.ACTOR_KINDS.letter(change.actorKind()));
        Column.bindValue(st, at + 7, change.actorId(), String.class);
        Column.bindValue(st, at + 8, change.sessionId(), String.class);
        st.setLong(at + 9, change.time().toEpochMilli());
        Column.bindValue(st, at + 10, change.customerId(), String.class);
        Column.bindValue(st, at + 11, FeedCodes.payload(change.payload(), conversationRid != null), String.class);
        Column.bindValue(st, at + 12, messageRid, Long.class);
        Column.bindValue(st, at + 13, conversationRid, Long.class);
        return at + 14;
    }

    /** Up to {@code limit} changes after {@code after}, in order, from {@code query} of {@link #SINCE}. */
    static List<Change> since(Query query, long after, int limit) {
        return query.bind("after", after).bind("limit", limit)
                .map((rs, ctx) -> {
                    Cells in = new Cells(rs);
                    return new Change(in.longValue(), FeedCodes.ENTITY_TYPES.value(in.string()), in.string(), in.longValue(),
                            FeedCodes.OPERATIONS.value(in.string()), FeedCodes.ACTOR_KINDS.value(in.string()), in.string(), in.string(),
                            in.instant(), in.string(), FeedCodes.payload(in.string(), in.string()));
                })
                .list();
    }

    /**
     * Drops the oldest changes of {@code tx}'s tenant up to the first one not older than
     * {@code before}; returns how many.
     */
    static int prune(JdbiTransaction tx, Instant before) {
        // the head outlives the rows: on SQLite it is otherwise read from the newest of them
        tx.update("UPDATE tenant SET feed_head = :head WHERE id = :tenant").bind("head", tx.feedHead()).execute();
        // The feed's oldest entries up to the first one not older than before, found walking the key
        // from the oldest: the feed stays gap-free and needs no index by time.
        return tx.update("""
                DELETE FROM change_feed WHERE tenant = :tenant AND sequence < coalesce(
                    (SELECT sequence FROM change_feed WHERE tenant = :tenant AND time >= :before
                     ORDER BY sequence LIMIT 1), :past)""")
                .bind("before", before.toEpochMilli()).bind("past", Long.MAX_VALUE).execute();
    }
}
