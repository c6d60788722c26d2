package dev.messaging.jdbi;

import dev.messaging.conversation.Contact;
import dev.messaging.conversation.Conversation;
import dev.messaging.outlet.Outlet;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.TextTokens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
/**
 * The conversation rows of one {@link JdbiTransaction}: reads by id and by live customer
 * (remembered for the transaction, with their row keys), the insert and the compare-and-set
 * update that writes only the columns that changed, the contact's search document. On
 * PostgreSQL a write reads with its conversation what comes next (its threads; for a customer's
 * first message the outlets and a row key) and sends its writes with a later statement.
 */
final class JdbiConversations {
    private final JdbiTransaction tx;
    /**
     * The conversation rows as this transaction last read or wrote them, with their row keys: an
     * update writes only the columns that changed (SQLite rewrites every index whose column is SET,
     * changed or not), a contact that did not change is not re-indexed, and a message insert finds
     * its conversation's key.
     */
    private final Map<String, ConversationTable.Read> conversationsSeen = new HashMap<>();
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
    /** PostgreSQL writes: the tenant's outlets as read with a conversation looked for by customer (null: not read). */
    private List<Outlet> outletsSeen;
    /** PostgreSQL writes: a conversation row key taken from its sequence for a conversation this write may insert. */
    private Long reservedKey;
    /** The customers this write transaction found no live conversation of (none of theirs inserted since). */
    private final Set<String> withoutLiveConversation = new HashSet<>(2);

    JdbiConversations(JdbiTransaction tx, RowCache committedRows) {
        this.tx = tx;
        this.committedRows = committedRows;
    }

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
            boolean withHead = !tx.headKnown();
            List<long[]> found = Jdbc.rows(tx.h(), tx.dialect(),
                    (withHead ? ConversationTable.VERSION_AND_HEAD_WHERE.get(tx.dialect()) : ConversationTable.VERSION_WHERE) + condition, st -> {
                        int next = 1;
                        if (withHead) {
                            st.setLong(next++, tx.tenantKey());
                        }
                        st.setLong(next, tx.tenantKey());
                        st.setObject(next + 1, key);
                    }, rs -> new long[] {rs.getLong(1), rs.getLong(2), withHead ? rs.getLong(3) : JdbiTransaction.HEAD_NOT_READ});
            if (found.isEmpty()) {
                return Optional.empty();
            }
            long rid = found.get(0)[0];
            rowVersions.put(rid, found.get(0)[1]);
            if (withHead) {
                tx.headRead(found.get(0)[2]);
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
        if (tx.keepsWrites() && tx.writable()) {
            tx.threads().readWith(condition, key);
            if (condition.equals(ConversationTable.LIVE)) {
                readForNewConversation();
            }
        }
        Optional<ConversationRow> found = tx.rows(ConversationTable.CONVERSATION_WHERE + condition, st -> {
            st.setLong(1, tx.tenantKey());
            st.setObject(2, key);
        }, rs -> ConversationTable.read(new Cells(rs), tx.tenant())).stream().findFirst().map(read -> remember(read).row());
        if (found.isEmpty() && condition.equals(ConversationTable.LIVE)) {
            withoutLiveConversation.add((String) key);
        }
        return found;
    }

    /**
     * PostgreSQL writes: what a customer's first message asks for next — the outlets, and a row
     * key for its new conversation — kept to be read with the conversation looked for.
     */
    private void readForNewConversation() {
        if (outletsSeen == null) {
            tx.keep(SettingsSql.OUTLETS, st -> st.setLong(1, tx.tenantKey()), rs -> {
                List<Outlet> outlets = new ArrayList<>(2);
                while (rs.next()) {
                    outlets.add(SettingsSql.outlet(rs));
                }
                outletsSeen = outlets;
            });
        }
        if (reservedKey == null) {
            tx.keep(ConversationTable.NEXT_KEY, st -> { }, rs -> {
                rs.next();
                reservedKey = rs.getLong(1);
            });
        }
    }

    /** After this write transaction committed: the conversations it wrote, into the cache at their new row versions. */
    void committed() {
        if (committedRows != null) {
            conversationsWritten.forEach((rid, row) ->
                    committedRows.put(rid, rowVersions.get(rid),
                            ConversationTable.asWritten(rid, row, tx.tenant(), conversationsRead.get(rid))));
        }
    }

    Optional<ConversationRow> find(String id) {
        // Within one transaction a row this transaction read or wrote is current: the tenant's
        // writers are serialized, and a read-only transaction sees one snapshot.
        ConversationTable.Read seen = conversationsSeen.get(id);
        return seen != null ? Optional.of(seen.row()) : conversationWhere(ConversationTable.BY_ID, id);
    }

    Optional<ConversationRow> findLive(String customerId) {
        return conversationWhere(ConversationTable.LIVE, customerId);
    }

    Optional<ConversationRow> insert(ConversationRow row) {
        long head = tx.feedHead();
        tx.checkWritable();
        String customer = row.conversation().customerId();
        if (reservedKey != null && withoutLiveConversation.contains(customer)) {
            // PostgreSQL: its key taken beforehand, and no live conversation of its customer found
            // under the tenant's lock: sure to be inserted, so sent with the next statement
            long rid = reservedKey;
            reservedKey = null;
            withoutLiveConversation.remove(customer);
            tx.insertLater("conversation", row.id(), ConversationTable.INSERT_WITH_KEY, st -> {
                int next = Column.bind(st, 1, ConversationTable.COLUMNS, row);
                st.setLong(next, tx.tenantKey());
                st.setLong(next + 1, head);
                st.setLong(next + 2, rid);
            });
            return inserted(rid, row);
        }
        // the new row's key comes back with the insert; none: the customer has a live conversation
        List<Long> inserted = Failures.orDuplicate(row.id(), () -> tx.rows(ConversationTable.INSERT + " RETURNING rid",
                st -> {
                    int next = Column.bind(st, 1, ConversationTable.COLUMNS, row);
                    st.setLong(next, tx.tenantKey());
                    st.setLong(next + 1, head);
                }, rs -> rs.getLong(1)));
        if (inserted.isEmpty()) {
            return findLive(row.conversation().customerId());
        }
        return inserted(inserted.get(0), row);
    }

    /** A conversation this transaction inserted with the key {@code rid}: remembered, and its contact indexed. */
    private Optional<ConversationRow> inserted(long rid, ConversationRow row) {
        tx.threads().inserted(row.id());
        remember(new ConversationTable.Read(rid, row));
        indexContact(rid, row.conversation());
        return Optional.empty();
    }

    boolean update(ConversationRow row, long expectedVersion) {
        ConversationTable.Read before = conversationsSeen.get(row.id());
        List<Column<ConversationRow>> columns = before == null ? ConversationTable.COLUMNS
                : Column.changed(ConversationTable.COLUMNS, before.row(), row);
        long head = tx.feedHead();
        String sql = "UPDATE conversation SET " + Column.assignments(columns)
                + ", row_seq = ?, row_version = row_version + 1 WHERE id = ? AND tenant = ? AND version = ?";
        Jdbc.Parameters parameters = st -> {
            int next = Column.bind(st, 1, columns, row);
            st.setLong(next, head);
            st.setString(next + 1, row.id());
            st.setLong(next + 2, tx.tenantKey());
            st.setLong(next + 3, expectedVersion);
        };
        if (tx.keepsWrites() && before != null && before.row().conversation().version() == expectedVersion) {
            // read in this transaction at that version, under the tenant's lock: the update finds it
            tx.writeExpecting(sql, parameters, 1, "conversation " + row.id() + " changed under its tenant's lock");
        } else if (tx.execute(sql, parameters) != 1) {
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
        return tx.query("SELECT rid FROM conversation WHERE id = :id AND tenant = :tenant").bind("id", id)
                .mapTo(Long.class).findOne()
                .orElseThrow(() -> new IllegalStateException("no conversation " + id + " in this tenant"));
    }

    private void indexContact(long rid, Conversation c) {
        Contact contact = c.contact();
        Set<String> tokens = contact == null ? Collections.emptySet()
                : TextTokens.tokens(contact.firstName(), contact.lastName(), contact.companyName(), contact.email(),
                        contact.phone());
        if (tx.keepsWrites()) {
            tx.writeExpecting(Dialect.CONTACT_TOKENS, st -> {
                Column.bindValue(st, 1, Dialect.tokensOrNull(tokens), String.class);
                st.setLong(2, rid);
            }, 1, "conversation " + c.id() + " was not indexed");
        } else {
            tx.dialect().indexContact(tx.h(), rid, tokens);
        }
    }

    /** The row key of the conversation {@code change} is about, when this transaction knows it. */
    Long ridOf(String conversationId) {
        ConversationTable.Read conversation = conversationsSeen.get(conversationId);
        return conversation == null ? null : conversation.rid();
    }

    /** The outlets as read with a conversation looked for by customer (null: not read, or changed since). */
    List<Outlet> outletsSeen() {
        return outletsSeen;
    }

    /** A customer's rows erased in this transaction: what it remembers of conversations is read again. */
    void forget() {
        conversationsSeen.clear();
    }

    /** The outlets changed in this transaction: read again when asked. */
    void outletsChanged() {
        outletsSeen = null;
    }
}
