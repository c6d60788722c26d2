package dev.messaging.jdbi;

import dev.messaging.change.Change;
import java.time.Instant;
import java.util.List;
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

    private FeedRows() {
    }

    /** Inserts {@code change}, naming its message by {@code messageRid} and its conversation by {@code conversationRid} when known. */
    static void insert(Handle h, Dialect dialect, long tenantKey, Change change, Long messageRid, Long conversationRid) {
        Jdbc.execute(h, dialect, INSERT, st -> {
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
            Column.bindValue(st, 12, FeedCodes.payload(change.payload(), conversationRid != null), String.class);
            Column.bindValue(st, 13, messageRid, Long.class);
            Column.bindValue(st, 14, conversationRid, Long.class);
        });
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
