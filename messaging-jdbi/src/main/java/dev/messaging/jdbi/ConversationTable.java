package dev.messaging.jdbi;

import static dev.messaging.jdbi.Cells.millis;
import static dev.messaging.jdbi.Cells.wire;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.messaging.common.ChangeMeta;
import dev.messaging.common.Deletion;
import dev.messaging.common.Tenant;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationBuilder;
import dev.messaging.conversation.ConversationChannel;
import dev.messaging.conversation.ConversationStatus;
import dev.messaging.conversation.ConversationType;
import dev.messaging.conversation.MessageAction;
import dev.messaging.error.UnreadableRowException;
import dev.messaging.message.Direction;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.CustomerMessageCounters;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code conversation} table: its columns and its mapper. The row key ({@code rid}), the
 * tenant key and {@code row_seq} (the feed sequence of the row's last write) are the store's own
 * and bound by the statements that need them.
 */
final class ConversationTable {
    private static final Column<ConversationRow> CONTACT = Column.json("contact", r -> r.conversation().contact(),
            Json::write);
    private static final Column<ConversationRow> METADATA = Column.json("metadata", r -> r.conversation().metadata(),
            Json::write);
    static final List<Column<ConversationRow>> COLUMNS = List.of(
            col("id", String.class, r -> r.conversation().id()),
            col("customer_id", String.class, r -> r.conversation().customerId()),
            col("created_date", Long.class, r -> millis(r.conversation().createdDate())),
            col("updated_date", Long.class, r -> millis(r.conversation().updatedDate())),
            col("meta_user_id", String.class, r -> r.conversation().meta().userId()),
            col("meta_session_id", String.class, r -> r.conversation().meta().sessionId()),
            col("version", Long.class, r -> r.conversation().meta().version()),
            CONTACT,
            col("assigned_to", String.class, r -> r.conversation().assignedTo()),
            col("channel", String.class, r -> wire(r.conversation().channel())),
            col("archived", Boolean.class, r -> r.conversation().archived()),
            col("status", String.class, r -> wire(r.conversation().status())),
            col("snoozed_until", Long.class, r -> millis(r.conversation().snoozedUntil())),
            col("subject", String.class, r -> r.conversation().subject()),
            col("order_id", String.class, r -> r.conversation().orderId()),
            col("deleted", Boolean.class, r -> r.conversation().deleted()),
            col("deleted_user_id", String.class, r -> r.conversation().deletedUserId()),
            col("deleted_date", Long.class, r -> millis(r.conversation().deletedDate())),
            col("deleted_reason", String.class, r -> r.conversation().deletedReason()),
            col("last_message_date", Long.class, r -> millis(r.conversation().lastMessageDate())),
            col("last_message_body", String.class, r -> r.conversation().lastMessageBody()),
            col("last_message_type", String.class, r -> wire(r.conversation().lastMessageType())),
            col("last_message_id", String.class, r -> r.conversation().lastMessageId()),
            col("last_message_direction", String.class, r -> wire(r.conversation().lastMessageDirection())),
            col("customer_count", Integer.class, r -> r.counters().customerCount()),
            col("deleted_customer_count", Integer.class, r -> r.counters().deletedCustomerCount()),
            col("last_live_customer_number", Integer.class, r -> r.counters().lastLiveCustomerNumber()),
            col("last_live_customer_feed_seq", Long.class, r -> r.counters().lastLiveCustomerFeedSeq()),
            col("last_customer_feed_seq", Long.class, r -> r.counters().lastCustomerFeedSeq()),
            col("shop_read_number", Integer.class, r -> r.counters().shopReadNumber()),
            col("conversation_type", String.class, r -> wire(r.conversation().conversationType())),
            col("outlet_code", String.class, r -> r.conversation().outletCode()),
            col("order_code", String.class, r -> r.conversation().orderCode()),
            col("last_message_action", String.class, r -> wire(r.conversation().lastMessageAction())),
            col("last_manual_message_date", Long.class, r -> millis(r.conversation().lastManualMessageDate())),
            col("followers", String.class, r -> users(r.conversation().followers())),
            col("mentions", String.class, r -> users(r.conversation().mentions())),
            METADATA);

    /** The columns read for a row: the row key, then {@link #COLUMNS}. */
    static final String SELECT = "c.rid, " + Column.select(COLUMNS, "c");

    private ConversationTable() {
    }

    /** Followers or mentions as stored: a JSON array of user ids, null for none (what search filters read). */
    private static String users(Set<String> userIds) {
        return userIds.isEmpty() ? null : Json.write(List.copyOf(userIds));
    }

    private static Set<String> users(String json) {
        return json == null ? Set.of() : Set.copyOf(Json.read(json, USER_IDS));
    }

    private static final TypeReference<List<String>> USER_IDS = new TypeReference<>() { };

    private static Column<ConversationRow> col(String name, Class<?> type, Function<ConversationRow, Object> value) {
        return new Column<>(name, type, value);
    }

    /**
     * A conversation as read, with its row key; {@code partial} when a page left out a part it could
     * not read (its metadata): such a row is shown, never cached nor written back.
     */
    record Read(long rid, ConversationRow row, boolean partial) {
        /** A row read whole. */
        Read(long rid, ConversationRow row) {
            this(rid, row, false);
        }
    }

    /**
     * The row a read returns once {@code row} is written at key {@code rid}: its column values as
     * an UPDATE binds them, read back by {@link #read} (so JSON, times and enums come back as they
     * would from the database, not as the caller's objects). A JSON value equal to the one in
     * {@code read} (the row as this transaction read it, or null) is taken from there as it was
     * read, without writing and parsing it again.
     */
    static Read asWritten(long rid, ConversationRow row, Tenant tenant, ConversationRow read) {
        Conversation written = row.conversation();
        Conversation before = read == null ? null : read.conversation();
        boolean sameContact = before != null && Objects.equals(before.contact(), written.contact());
        boolean sameMetadata = before != null && before.metadata().equals(written.metadata());
        Object[] values = new Object[COLUMNS.size() + 1];
        values[0] = rid;
        for (int i = 0; i < COLUMNS.size(); i++) {
            Column<ConversationRow> column = COLUMNS.get(i);
            boolean reused = column == CONTACT ? sameContact : column == METADATA && sameMetadata;
            values[i + 1] = reused ? null : column.value().apply(row);
        }
        try {
            return read(Cells.of(values), tenant, sameContact ? json -> before.contact() : Json::contact,
                    sameMetadata ? json -> before.metadata() : Json::object);
        } catch (SQLException e) {
            throw new IllegalStateException("a conversation's own values did not read back", e);
        }
    }

    /** Reads the {@link #SELECT} columns of a row of {@code tenant}. */
    static Read read(Cells in, Tenant tenant) throws SQLException {
        return read(in, tenant, Json::contact, Json::object);
    }

    /**
     * Reads the {@link #SELECT} columns of a page's row: a metadata that cannot be read is left out
     * (the row is {@code partial}, and the log says so once); anything else unreadable fails the read.
     */
    static Read readInPage(Cells in, Tenant tenant) throws SQLException {
        boolean[] partial = new boolean[1];
        String[] id = new String[1];
        Read read = read(in, tenant, Json::contact, json -> {
            try {
                return Json.object(json);
            } catch (RuntimeException e) {
                partial[0] = true;
                Unreadable.leftOut(new UnreadableRowException("conversation", id[0], e),
                        "pages show the conversation without its metadata");
                return Map.of();
            }
        }, id);
        return partial[0] ? new Read(read.rid(), read.row(), true) : read;
    }

    private static Read read(Cells in, Tenant tenant, Function<String, Contact> contacts,
            Function<String, Map<String, Object>> metadata) throws SQLException {
        return read(in, tenant, contacts, metadata, new String[1]);
    }

    private static Read read(Cells in, Tenant tenant, Function<String, Contact> contacts,
            Function<String, Map<String, Object>> metadata, String[] idRead) throws SQLException {
        long rid = in.longValue();
        String id = in.string();
        idRead[0] = id;
        try {
            return new Read(rid, rest(in, tenant, id, contacts, metadata));
        } catch (RuntimeException e) {
            throw Unreadable.row("conversation", id, e);
        }
    }

    private static ConversationRow rest(Cells in, Tenant tenant, String id, Function<String, Contact> contacts,
            Function<String, Map<String, Object>> metadata) throws SQLException {
        ConversationBuilder b = Conversation.builder()
                .companyId(tenant.companyId())
                .locationId(tenant.locationId())
                .id(id)
                .customerId(in.string())
                .createdDate(in.instant())
                .updatedDate(in.instant())
                .meta(new ChangeMeta(in.string(), in.string(), in.longValue()))
                .contact(contacts.apply(in.string()))
                .assignedTo(in.string())
                .channel(in.wire(ConversationChannel.class))
                .archived(in.bool())
                .status(in.wire(ConversationStatus.class))
                .snoozedUntil(in.instant())
                .subject(in.string())
                .orderId(in.string());
        boolean deleted = in.bool();
        String deletedUser = in.string();
        Instant deletedDate = in.instant();
        String deletedReason = in.string();
        b.deletion(deleted ? new Deletion(deletedUser, deletedDate, deletedReason) : null)
                .lastMessageDate(in.instant())
                .lastMessageBody(in.string())
                .lastMessageType(in.messageChannel())
                .lastMessageId(in.string())
                .lastMessageDirection(in.wire(Direction.class));
        CustomerMessageCounters counters = new CustomerMessageCounters(in.intValue(), in.intValue(), in.intValue(),
                in.longValue(), in.longValue(), in.intValue());
        b.conversationType(in.wire(ConversationType.class)).outletCode(in.string()).orderCode(in.string())
                .lastMessageAction(in.wire(MessageAction.class)).lastManualMessageDate(in.instant())
                .followers(users(in.string())).mentions(users(in.string()))
                .metadata(metadata.apply(in.string()));
        return new ConversationRow(b.build(), counters);
    }

    // --- the statements a transaction finds a conversation with by one key (positional binds: the tenant, the key)

    static final String CONVERSATION_WHERE = "SELECT " + ConversationTable.SELECT
            + " FROM conversation c WHERE c.tenant = ? AND ";
    static final String VERSION_WHERE = "SELECT c.rid, c.row_version FROM conversation c WHERE c.tenant = ? AND ";
    /** {@link #VERSION_WHERE} with the tenant's feed head (its first parameter): a write's first read brings it along. */
    static final Map<Dialect, String> VERSION_AND_HEAD_WHERE = Dialect.each(ConversationTable::versionAndHeadWhere);
    static final String BY_ID = "c.id = ?";
    static final String LIVE = "c.customer_id = ? AND NOT c.deleted";
    static final String BY_ROW_KEY = "c.rid = ?";

    /** The insert of a conversation unless its customer has a live one. */
    static final String INSERT = Column.insert("conversation", ConversationTable.COLUMNS,
            "tenant", "row_seq") + " ON CONFLICT (tenant, customer_id) WHERE NOT deleted DO NOTHING";
    /** PostgreSQL: {@link #INSERT} with the row key taken from the table's sequence beforehand (its last parameter). */
    static final String INSERT_WITH_KEY = Column.insert("conversation", ConversationTable.COLUMNS,
            "tenant", "row_seq", "rid") + " ON CONFLICT (tenant, customer_id) WHERE NOT deleted DO NOTHING";
    /** PostgreSQL: a row key for a conversation this write may insert (one it does not insert is a gap in the keys). */
    static final String NEXT_KEY = "SELECT nextval(pg_get_serial_sequence('conversation', 'rid'))";

    private static String versionAndHeadWhere(Dialect dialect) {
        return VERSION_WHERE.replace("c.row_version", "c.row_version, (" + dialect.feedHead() + ")");
    }
}
