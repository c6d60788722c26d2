package dev.messaging.jdbi;

import dev.messaging.error.UnreadableRowException;
import dev.messaging.message.Message;
import dev.messaging.spi.ExportSpec;
import dev.messaging.spi.MessageListSpec;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.PagePosition;
import dev.messaging.spi.TextTokens;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.statement.Query;

/**
 * The message rows of one {@link JdbiTransaction}: reads by id, by client message id and by
 * conversation (keyset-paged both ways), and the hot insert and update on cached plain JDBC (the
 * insert returns the row key, which the message's pending creation change then names; the update
 * sets only the columns that changed and re-indexes the text only when it or the deletion did).
 */
final class JdbiMessages {
    private final JdbiTransaction tx;

    JdbiMessages(JdbiTransaction tx) {
        this.tx = tx;
    }

    /** Messages with their conversation's id and customer (the message row keeps only its key). */
    private static final String MESSAGES = "SELECT " + MessageTable.SELECT + ", c.id, c.customer_id"
            + " FROM message m JOIN conversation c ON c.rid = m.conversation";

    private MessageRow messageRow(ResultSet rs) throws SQLException {
        int idColumn = MessageTable.COLUMNS.size() + 1;
        return MessageTable.read(new Cells(rs), tx.tenant(), rs.getString(idColumn), rs.getString(idColumn + 1));
    }

    private Optional<MessageRow> oneMessage(String condition, String name, Object value) {
        return tx.query(MESSAGES + " WHERE m.tenant = :tenant AND " + condition).bind(name, value)
                .map((rs, ctx) -> messageRow(rs)).findFirst();
    }

    Optional<MessageRow> find(String id) {
        return oneMessage("m.id = :id", "id", id);
    }

    /** Messages of ids (a JSON array, the second parameter), by dialect; the tenant's key is the first. */
    private static final Map<Dialect, String> BY_IDS = Dialect.each(dialect -> MESSAGES
            + " WHERE m.tenant = ? AND m.id IN (" + dialect.textsIn("ids").replace(":ids", "?") + ")");
    /**
     * PostgreSQL: the messages of deliveries (their ids a JSON array, the third parameter), found by
     * key through arrays: as {@code IN} subqueries the generic plan joined every message of the
     * tenant (a claim's outcome grew with the outbox, NetworkDistanceBenchmark).
     */
    private static final String OF_DELIVERIES = MESSAGES + " WHERE m.tenant = ? AND m.id = ANY(ARRAY(SELECT message_id"
            + " FROM delivery WHERE tenant = ? AND id = ANY(ARRAY(" + Dialect.POSTGRESQL.textsIn("ids").replace(":ids", "?")
            + "))))";

    /**
     * PostgreSQL writes: messages read with their deliveries ({@link #readWithDeliveries}), by id,
     * until this transaction changes one: an outcome asks for them next.
     */
    private final Map<String, MessageRow> withDeliveries = new HashMap<>(2);

    List<MessageRow> find(List<String> ids) {
        if (!ids.isEmpty() && withDeliveries.keySet().containsAll(ids)) {
            return ids.stream().distinct().map(withDeliveries::get).toList();
        }
        // on plain JDBC: on PostgreSQL a claim's first read, sent with its transaction's settings
        return tx.rows(BY_IDS.get(tx.dialect()), st -> {
            st.setLong(1, tx.tenantKey());
            st.setString(2, Json.write(ids));
        }, this::messageRow);
    }

    /** PostgreSQL writes: the messages of the deliveries {@code deliveryIds}, kept to be read with the next statement. */
    void readWithDeliveries(List<String> deliveryIds) {
        tx.keep(OF_DELIVERIES, st -> {
            st.setLong(1, tx.tenantKey());
            st.setLong(2, tx.tenantKey());
            st.setString(3, Json.write(deliveryIds));
        }, rs -> {
            while (rs.next()) {
                try {
                    MessageRow row = messageRow(rs);
                    withDeliveries.put(row.id(), row);
                } catch (UnreadableRowException e) {
                    // read ahead, not asked for: only a read that asks for it fails (PoisonRowContract)
                }
            }
        });
    }

    /** A customer's rows erased: nothing read before is current. */
    void forget() {
        withDeliveries.clear();
    }

    Optional<MessageRow> findByClientMessageId(String clientMessageId) {
        return oneMessage("m.client_message_id = :clientId", "clientId", clientMessageId);
    }

    Optional<MessageRow> insert(MessageRow row) {
        Message m = row.message();
        long conversation = tx.conversationKey(m.conversationId());
        Set<String> tokens = m.deleted() ? Set.of() : TextTokens.tokens(m.text());
        boolean withTokens = !tx.dialect().messageInsertExtra().isEmpty();
        tx.checkWritable();
        String sql = tx.dialect() == Dialect.SQLITE ? SQLITE_MESSAGE_INSERT : POSTGRES_MESSAGE_INSERT;
        Jdbc.Parameters parameters = st -> {
            int next = Column.bind(st, 1, MessageTable.COLUMNS, row);
            st.setLong(next, tx.tenantKey());
            st.setLong(next + 1, conversation);
            if (withTokens) {
                Column.bindValue(st, next + 2, Dialect.tokensOrNull(tokens), String.class);
            }
        };
        if (tx.keepsWrites() && m.clientMessageId() == null) {
            // nothing waits for its answer (its change names it by id): sent with the next statement
            tx.insertLater("message", row.id(), sql, parameters);
            return Optional.empty();
        }
        // the new row's key comes back with the insert (RETURNING); none: the client message id was taken
        List<Long> inserted = Failures.orDuplicate(row.id(), () -> tx.rows(sql, parameters, rs -> rs.getLong(1)));
        if (!inserted.isEmpty()) {
            long rid = inserted.get(0);
            tx.messageInserted(row.id(), rid);
            if (!tokens.isEmpty() && !withTokens) {
                tx.dialect().indexNewMessage(tx.h(), rid, tokens);
            }
            return Optional.empty();
        }
        String clientId = m.clientMessageId();
        if (clientId == null) {
            throw new IllegalStateException("message " + row.id() + " was not inserted");
        }
        return findByClientMessageId(clientId);
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

    boolean update(MessageRow before, MessageRow row) {
        withDeliveries.remove(row.id());
        // only the columns that changed: SQLite rewrites the index entries of every column it is told to set
        List<Column<MessageRow>> columns = Column.changed(MessageTable.COLUMNS, before, row);
        boolean updated = tx.execute("UPDATE message SET " + Column.assignments(columns)
                + " WHERE id = ? AND tenant = ? AND version = ?", st -> {
                    int next = Column.bind(st, 1, columns, row);
                    st.setString(next, row.id());
                    st.setLong(next + 1, tx.tenantKey());
                    st.setLong(next + 2, before.message().version());
                }) == 1;
        Message m = row.message();
        boolean searchChanged = m.deleted() != before.message().deleted()
                || !Objects.equals(m.text(), before.message().text());
        if (updated && searchChanged) {
            long rid = tx.query("SELECT rid FROM message WHERE id = :id AND tenant = :tenant").bind("id", row.id())
                    .mapTo(Long.class).one();
            if (m.deleted()) {
                tx.dialect().unindexMessage(tx.h(), rid);
            } else {
                tx.dialect().indexMessage(tx.h(), rid, TextTokens.tokens(m.text()));
            }
        }
        return updated;
    }

    /** A conversation's messages in (createdDate, id) order, either way; no tenant predicate: the key is the tenant's. */
    List<MessageRow> list(MessageListSpec spec) {
        long conversation = tx.conversationKey(spec.conversationId());
        PagePosition edge = spec.before() != null ? spec.before() : spec.after();
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
        Query query = tx.h().createQuery(sql.toString()).bind("conversation", conversation).bind("limit", spec.limit());
        if (edge != null) {
            query.bind("edgeDate", edge.date().toEpochMilli()).bind("edgeId", edge.id());
        }
        List<MessageRow> rows = new ArrayList<>(query.map((rs, ctx) -> messageRow(rs)).list());
        if (spec.before() != null) {
            Collections.reverse(rows);
        }
        return rows;
    }

    /** A page of the tenant's live messages in id order (the (tenant, id) index), filtered while read. */
    List<MessageRow> export(ExportSpec spec) {
        return new Filters(MESSAGES + " WHERE m.tenant = :tenant AND NOT m.deleted")
                .and("m.id > :after", "after", spec.afterId())
                .and("m.created_date >= :from", "from", spec.from() == null ? null : spec.from().toEpochMilli())
                .and("m.created_date < :to", "to", spec.to() == null ? null : spec.to().toEpochMilli())
                .and("c.customer_id = :customer", "customer", spec.customerId())
                .query(tx, " ORDER BY m.id LIMIT :limit").bind("limit", spec.limit())
                .map((rs, ctx) -> messageRow(rs)).list();
    }

    private Optional<MessageRow> conversationMessage(String conversationId, String condition) {
        return tx.h().createQuery(MESSAGES + " WHERE m.conversation = :conversation AND " + condition)
                .bind("conversation", tx.conversationKey(conversationId)).map((rs, ctx) -> messageRow(rs)).findFirst();
    }

    Optional<MessageRow> newestLive(String conversationId) {
        return conversationMessage(conversationId, "NOT m.deleted ORDER BY m.created_date DESC, m.id DESC LIMIT 1");
    }

    Optional<MessageRow> newestLiveCustomer(String conversationId) {
        return conversationMessage(conversationId,
                "m.customer_number > 0 AND NOT m.deleted ORDER BY m.customer_number DESC LIMIT 1");
    }

    int customerNumberAt(String conversationId, long feedSeq) {
        return tx.h().createQuery("""
                SELECT customer_number FROM message WHERE conversation = :conversation AND customer_number > 0
                AND feed_seq <= :feedSeq ORDER BY customer_number DESC LIMIT 1""")
                .bind("conversation", tx.conversationKey(conversationId)).bind("feedSeq", feedSeq)
                .mapTo(Integer.class).findOne().orElse(0);
    }

    int deletedCustomerMessagesAfter(String conversationId, int number) {
        return tx.h().createQuery("""
                SELECT count(*) FROM message WHERE conversation = :conversation AND customer_number > 0
                AND customer_number > :number AND deleted""")
                .bind("conversation", tx.conversationKey(conversationId)).bind("number", number)
                .mapTo(Integer.class).one();
    }

    Optional<Instant> firstLiveCustomerMessageDateAfter(String conversationId, int number) {
        return tx.h().createQuery("""
                SELECT created_date FROM message WHERE conversation = :conversation AND customer_number > 0
                AND customer_number > :number AND NOT deleted ORDER BY customer_number LIMIT 1""")
                .bind("conversation", tx.conversationKey(conversationId)).bind("number", number)
                .mapTo(Long.class).findOne().map(Instant::ofEpochMilli);
    }
}
