package dev.messaging.jdbi;

import dev.messaging.conversation.AssigneeFilter;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationStatus;
import dev.messaging.conversation.SearchFilters;
import dev.messaging.conversation.SearchSort;
import dev.messaging.error.UnreadableRowException;
import dev.messaging.message.MessageChannel;
import dev.messaging.spi.InboxRow;
import dev.messaging.spi.InboxSpec;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.PagePosition;
import dev.messaging.spi.ReadFacts;
import dev.messaging.spi.SearchSpec;
import dev.messaging.spi.ThreadRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.statement.Query;

/**
 * The inbox and search pages of one {@link JdbiTransaction}: one statement per page, its filters
 * built from the specs' enums and booleans (every value bound), the unread facts computed per row
 * by correlated subqueries. A read-only transaction reads a page's keys and versions first and
 * takes the unchanged rows from the {@link RowCache} (see {@link #page}).
 */
final class JdbiPages {
    private final JdbiTransaction tx;
    /** The store's rows in memory, for read-only transactions' pages; null in a write transaction. */
    private final RowCache rows;

    JdbiPages(JdbiTransaction tx, RowCache rows) {
        this.tx = tx;
        this.rows = rows;
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
        ConversationTable.Read read = ConversationTable.readInPage(in, tx.tenant());
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
        int end = in.position() + MessageTable.COLUMNS.size();
        if (c.lastMessageId() != null) {
            try {
                last = MessageTable.read(in, tx.tenant(), c.id(), c.customerId());
            } catch (UnreadableRowException e) {
                // one bad message must not take its location's inbox down with it: the page shows the rest
                Unreadable.leftOut(e, "pages show its conversation without its last message");
            }
        }
        in.moveTo(end);
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
        Jdbc.RowReader<PageKey> keyOf = rs -> {
            Cells in = new Cells(rs);
            return new PageKey(in.longValue(), in.longValue(), in.optionalLong(), in.optionalLong(), in.longValue());
        };
        List<PageKey> keys;
        if (tx.keepsWrites()) {
            // PostgreSQL: the keys go with the user's and the shop's horizons, which core asks for next
            tx.threads().keepHorizons(user);
            keys = w.rows(keysFrom(messageRequired), rest, user, limit, keyOf);
        } else {
            keys = w.query(keysFrom(messageRequired), rest, user).bind("limit", limit).map((rs, ctx) -> keyOf.read(rs))
                    .list();
        }
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
            tx.h().createQuery(ROWS_BY_KEY + " WHERE c.tenant = :tenant AND c.rid IN (" + tx.dialect().keysIn("rids") + ")")
                    .bind("tenant", tx.tenantKey()).bind("user", user).bind("rids", missing.append(']').toString())
                    .map((rs, ctx) -> {
                        Cells in = new Cells(rs);
                        ConversationTable.Read conversation = ConversationTable.readInPage(in, tx.tenant());
                        Parts parts = parts(in, conversation);
                        long rowVersion = in.longValue();
                        Long messageKey = in.optionalLong();
                        ReadFacts facts = new ReadFacts(in.intValue(), in.instant(), in.intValue());
                        InboxRow row = new InboxRow(conversation.row(), parts.thread(), parts.last(), facts);
                        if (conversation.partial() || (parts.last() == null && messageKey != null)) {
                            return read.put(conversation.rid(), row); // shown, never cached
                        }
                        rows.put(conversation.rid(), rowVersion, conversation);
                        if (parts.thread() != null) {
                            rows.put(conversation.rid(), parts.thread());
                        }
                        if (parts.last() != null && messageKey != null) {
                            rows.put(messageKey, parts.last());
                        }
                        rows.put(conversation.rid(), user, rowVersion, threadVersion(parts.thread()), facts);
                        return read.put(conversation.rid(), row);
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
                    : and("c.rid IN (" + tx.dialect().matchingConversations() + ")", "match", tx.dialect().matchArgument(terms));
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

        /** The rows past {@code after} in the order of {@code key} then id, either way (the keyset condition). */
        Where after(String key, boolean descending, PagePosition after) {
            if (after == null) {
                return this;
            }
            String cmp = descending ? "<" : ">";
            args.put("afterId", after.id());
            return and(key + " " + cmp + "= :afterDate AND (" + key + " " + cmp + " :afterDate OR c.id " + cmp
                    + " :afterId)", "afterDate", after.date().toEpochMilli());
        }

        /** {@link #query}'s rows on plain JDBC, with {@code :limit} bound: sent with the statements the transaction keeps. */
        <T> List<T> rows(String select, String rest, String user, int limit, Jdbc.RowReader<T> reader) {
            Map<String, Object> values = new HashMap<>(args);
            values.put("tenant", tx.tenantKey());
            values.put("user", user);
            values.put("limit", limit);
            Jdbc.Positional statement = Jdbc.positional(select + sql + rest);
            return tx.rows(statement.sql(), statement.bind(values), reader);
        }

        /** {@code select}, these conditions, then {@code rest}; their arguments, the tenant and {@code user} bound. */
        Query query(String select, String rest, String user) {
            Query query = tx.query(select + sql + rest).bind("user", user);
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

    List<InboxRow> inbox(InboxSpec spec) {
        Where w = inboxWhere(spec).after("c.last_message_date", true, spec.after());
        return page(w, true, " ORDER BY c.last_message_date DESC, c.id DESC LIMIT :limit", spec.userId(), spec.limit());
    }

    long countInbox(InboxSpec spec) {
        return count(inboxWhere(spec), spec.userId());
    }

    private long count(Where w, String userId) {
        return w.query("SELECT count(*) FROM conversation c LEFT JOIN thread t ON t.conversation = c.rid"
                + " AND t.user_id = :user", "", userId).mapTo(Long.class).one();
    }

    private static String sortKey(SearchSort sort) {
        return switch (sort) {
            case CREATED_DATE -> "c.created_date";
            case LAST_MESSAGE_DATE -> "coalesce(c.last_message_date, c.created_date)";
            case LAST_MANUAL_MESSAGE_DATE -> "coalesce(c.last_manual_message_date, c.created_date)";
        };
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
        SearchFilters f = spec.filters();
        if (!f.assignees().isEmpty()) {
            w.and("c.assigned_to IN (" + tx.dialect().textsIn("assignees") + ")", "assignees",
                    Json.write(List.copyOf(f.assignees())));
        }
        if (!f.lastMessageTypes().isEmpty()) {
            w.and("c.last_message_type IN (" + tx.dialect().textsIn("types") + ")", "types",
                    Json.write(f.lastMessageTypes().stream().map(MessageChannel::wireValue).toList()));
        }
        if (!f.followers().isEmpty()) {
            w.and(tx.dialect().anyOf("c.followers", "followers"), "followers", Json.write(List.copyOf(f.followers())));
        }
        if (!f.mentions().isEmpty()) {
            w.and(tx.dialect().anyOf("c.mentions", "mentions"), "mentions", Json.write(List.copyOf(f.mentions())));
        }
        if (f.lastMessageAction() != null) {
            w.and("c.last_message_action = :action", "action", f.lastMessageAction().wireValue());
        }
        String date = sortKey(SearchSort.LAST_MESSAGE_DATE);
        if (f.from() != null) {
            w.and(date + " >= :from", "from", f.from().toEpochMilli());
        }
        if (f.until() != null) {
            w.and(date + " < :until", "until", f.until().toEpochMilli());
        }
        return w.text(spec.textTerms());
    }

    List<InboxRow> search(SearchSpec spec) {
        String key = sortKey(spec.sort());
        String direction = spec.descending() ? "DESC" : "ASC";
        Where w = searchWhere(spec).after(key, spec.descending(), spec.after());
        return page(w, false, " ORDER BY " + key + " " + direction + ", c.id " + direction + " LIMIT :limit",
                spec.userId(), spec.limit());
    }

    long countSearch(SearchSpec spec) {
        return count(searchWhere(spec), spec.userId());
    }
}
