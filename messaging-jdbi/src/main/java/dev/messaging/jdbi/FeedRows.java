package dev.messaging.jdbi;

import dev.messaging.change.Change;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Handle;

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

    /** The changes of a tenant after a sequence, up to a limit (bound in that order), with the ids their row keys name. */
    static final String SINCE = """
            SELECT f.sequence, f.entity_type, coalesce(f.entity_id, m.id), f.version, f.operation, f.actor_kind,
                f.actor_id, f.session_id, f.time, f.customer_id, f.payload, c.id
            FROM change_feed f
            LEFT JOIN message m ON m.rid = f.entity_rid
            LEFT JOIN conversation c ON c.rid = f.conversation
            WHERE f.tenant = ? AND f.sequence > ? ORDER BY f.sequence LIMIT ?""";

    /** PostgreSQL: the tenant's head saved, and the notification other instances' listeners get at COMMIT. */
    private static final String SAVE_HEAD = "UPDATE tenant SET feed_head = ? FROM (SELECT pg_notify('"
            + Dialect.CHANGES_CHANNEL + "', ?)) AS notified WHERE tenant.id = ?";

    private FeedRows() {
    }

    /** A change to insert, with the row key of its conversation when known. */
    record Row(Change change, Long messageRid, Long conversationRid) {
    }

    /**
     * PostgreSQL: keeps in {@code pipeline} the inserts of {@code rows} and the save of the
     * tenant's {@code head} with its notification, to go with the transaction's COMMIT (a write's
     * changes and its head cost no round trip of their own; RoundTripsTest).
     */
    static void keepWithHead(Pipeline pipeline, long tenantKey, List<Row> rows, long head, String notification) {
        for (Row row : rows) {
            pipeline.expect(INSERT, st -> bind(st, 1, tenantKey, row.change(), row.messageRid(), row.conversationRid()),
                    1, "a change was not appended");
        }
        pipeline.expect(SAVE_HEAD, st -> {
            st.setLong(1, head);
            st.setString(2, notification);
            st.setLong(3, tenantKey);
        }, 1, "the feed head of tenant " + tenantKey + " was not saved");
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

    /** Up to {@code limit} changes of {@code tx}'s tenant after {@code after}, in order. */
    static List<Change> since(JdbiTransaction tx, long after, int limit) {
        return tx.rows(SINCE, st -> {
            st.setLong(1, tx.tenantKey());
            st.setLong(2, after);
            st.setInt(3, limit);
        }, rs -> {
            Cells in = new Cells(rs);
            return new Change(in.longValue(), FeedCodes.ENTITY_TYPES.value(in.string()), in.string(), in.longValue(),
                    FeedCodes.OPERATIONS.value(in.string()), FeedCodes.ACTOR_KINDS.value(in.string()), in.string(),
                    in.string(), in.instant(), in.string(), FeedCodes.payload(in.string(), in.string()));
        });
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
