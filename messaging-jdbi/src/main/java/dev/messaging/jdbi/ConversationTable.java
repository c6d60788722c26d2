package dev.messaging.jdbi;

import static dev.messaging.jdbi.Cells.millis;
import static dev.messaging.jdbi.Cells.wire;

import dev.messaging.common.ChangeMeta;
import dev.messaging.common.Deletion;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationChannel;
import dev.messaging.conversation.ConversationStatus;
import dev.messaging.conversation.ConversationType;
import dev.messaging.message.Direction;
import dev.messaging.message.MessageChannel;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.CustomerMessageCounters;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The {@code conversation} table: its columns and its row mapper (by index). */
final class ConversationTable {
    static final List<Column<ConversationRow>> COLUMNS = List.of(
            col("id", String.class, r -> r.conversation().id()),
            col("company_id", String.class, r -> r.conversation().companyId()),
            col("location_id", String.class, r -> r.conversation().locationId()),
            col("customer_id", String.class, r -> r.conversation().customerId()),
            col("created_date", Long.class, r -> millis(r.conversation().createdDate())),
            col("updated_date", Long.class, r -> millis(r.conversation().updatedDate())),
            col("meta_user_id", String.class, r -> r.conversation().meta().userId()),
            col("meta_session_id", String.class, r -> r.conversation().meta().sessionId()),
            col("version", Long.class, r -> r.conversation().meta().version()),
            col("contact", String.class, r -> Json.write(r.conversation().contact())),
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
            col("order_code", String.class, r -> r.conversation().orderCode()));

    static final String INSERT = Column.insert("conversation", COLUMNS);

    private ConversationTable() {
    }

    private static Column<ConversationRow> col(String name, Class<?> type,
            java.util.function.Function<ConversationRow, Object> value) {
        return new Column<>(name, type, value);
    }

    /** Reads a row whose conversation columns start at {@code first} (1-based). */
    static ConversationRow read(ResultSet rs, int first) throws SQLException {
        int i = first;
        Conversation.Builder b = Conversation.builder()
                .id(rs.getString(i++))
                .companyId(rs.getString(i++))
                .locationId(rs.getString(i++))
                .customerId(rs.getString(i++))
                .createdDate(Cells.instant(rs, i++))
                .updatedDate(Cells.instant(rs, i++));
        String metaUser = rs.getString(i++);
        String metaSession = rs.getString(i++);
        b.meta(new ChangeMeta(metaUser, metaSession, rs.getLong(i++)))
                .contact(Json.contact(rs.getString(i++)))
                .assignedTo(rs.getString(i++))
                .channel(Cells.wire(rs, i++, ConversationChannel.class))
                .archived(rs.getBoolean(i++))
                .status(Cells.wire(rs, i++, ConversationStatus.class))
                .snoozedUntil(Cells.instant(rs, i++))
                .subject(rs.getString(i++))
                .orderId(rs.getString(i++));
        boolean deleted = rs.getBoolean(i++);
        String deletedUser = rs.getString(i++);
        java.time.Instant deletedDate = Cells.instant(rs, i++);
        String deletedReason = rs.getString(i++);
        b.deletion(deleted ? new Deletion(deletedUser, deletedDate, deletedReason) : null)
                .lastMessageDate(Cells.instant(rs, i++))
                .lastMessageBody(rs.getString(i++))
                .lastMessageType(Cells.wire(rs, i++, MessageChannel.class))
                .lastMessageId(rs.getString(i++))
                .lastMessageDirection(Cells.wire(rs, i++, Direction.class));
        CustomerMessageCounters counters = new CustomerMessageCounters(rs.getInt(i++), rs.getInt(i++), rs.getInt(i++),
                rs.getLong(i++), rs.getLong(i++), rs.getInt(i++));
        b.conversationType(Cells.wire(rs, i++, ConversationType.class)).outletCode(rs.getString(i++))
                .orderCode(rs.getString(i));
        return new ConversationRow(b.build(), counters);
    }
}
