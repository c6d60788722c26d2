package dev.messaging.jdbi;

import dev.messaging.message.MessageBuilder;
import static dev.messaging.jdbi.Cells.millis;
import static dev.messaging.jdbi.Cells.wire;

import dev.messaging.common.ChangeMeta;
import dev.messaging.common.Deletion;
import dev.messaging.common.Tenant;
import dev.messaging.message.AppointmentRef;
import dev.messaging.message.AuthorType;
import dev.messaging.message.Direction;
import dev.messaging.message.EmailOptions;
import dev.messaging.message.Message;
import dev.messaging.message.MessageChannel;
import dev.messaging.message.MessageFile;
import dev.messaging.message.MessageLinks;
import dev.messaging.message.MessageOrigin;
import dev.messaging.message.MessageType;
import dev.messaging.message.OrderRef;
import dev.messaging.message.Send;
import dev.messaging.message.SmsOptions;
import dev.messaging.message.SuggestedReply;
import dev.messaging.message.Translation;
import dev.messaging.spi.MessageRow;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@code message} table: the columns the store queries or every read needs, and the rest of
 * the message as one JSON document ({@code details}, a {@link Details}). The tenant key and the
 * conversation's row key are bound by the statements; a message's conversation id and customer id
 * are its conversation's, read with it.
 */
final class MessageTable {
    static final List<Column<MessageRow>> COLUMNS = List.of(
            col("id", String.class, r -> r.message().id()),
            col("created_date", Long.class, r -> millis(r.message().createdDate())),
            col("updated_date", Long.class, r -> millis(r.message().updatedDate())),
            col("meta_user_id", String.class, r -> r.message().meta().userId()),
            col("meta_session_id", String.class, r -> r.message().meta().sessionId()),
            col("version", Long.class, r -> r.message().meta().version()),
            col("deleted", Boolean.class, r -> r.message().deleted()),
            col("deleted_user_id", String.class, r -> r.message().deletedUserId()),
            col("deleted_date", Long.class, r -> millis(r.message().deletedDate())),
            col("deleted_reason", String.class, r -> r.message().deletedReason()),
            col("author_type", String.class, r -> wire(r.message().authorType())),
            col("user_id", String.class, r -> r.message().userId()),
            col("text", String.class, r -> r.message().text()),
            col("client_message_id", String.class, r -> r.message().clientMessageId()),
            col("customer_number", Integer.class, MessageRow::customerNumber),
            col("feed_seq", Long.class, MessageRow::feedSeq),
            col("details", String.class, r -> Json.write(Details.of(r.message()))));

    static final String SELECT = Column.select(COLUMNS, "m");

    private MessageTable() {
    }

    private static Column<MessageRow> col(String name, Class<?> type, Function<MessageRow, Object> value) {
        return new Column<>(name, type, value);
    }

    /**
     * The message fields kept in the {@code details} JSON: those no query filters or sorts on. A
     * group equal to its empty value and a false flag are left out (null), so a plain message's
     * details are a few dozen bytes.
     */
    record Details(
            MessageType type,
            MessageOrigin origin,
            MessageChannel channel,
            Direction direction,
            String userColor,
            Boolean internal,
            Boolean detached,
            Boolean imported,
            Instant sendAt,
            Send email,
            Send sms,
            EmailOptions emailOptions,
            SmsOptions smsOptions,
            OrderRef order,
            AppointmentRef appointment,
            MessageLinks links,
            SuggestedReply suggestedReply,
            Translation translation,
            List<MessageFile> files,
            Map<String, Object> metadata) {

        static Details of(Message m) {
            return new Details(m.type(), m.origin(), m.channel(), m.direction(), m.userColor(), m.internal(),
                    m.detached() ? Boolean.TRUE : null, m.imported() ? Boolean.TRUE : null, m.sendAt(),
                    orNull(m.email(), Send.NONE), orNull(m.sms(), Send.NONE),
                    orNull(m.emailOptions(), EmailOptions.NONE), orNull(m.smsOptions(), SmsOptions.NONE),
                    orNull(m.order(), OrderRef.NONE), orNull(m.appointment(), AppointmentRef.NONE),
                    orNull(m.links(), MessageLinks.NONE), orNull(m.suggestedReply(), SuggestedReply.NONE),
                    orNull(m.translation(), Translation.NONE), m.files().isEmpty() ? null : m.files(),
                    m.metadata().isEmpty() ? null : m.metadata());
        }

        private static <T> T orNull(T value, T none) {
            return value.equals(none) ? null : value;
        }

        MessageBuilder into(MessageBuilder b) {
            return b.type(type).origin(origin).channel(channel).direction(direction).userColor(userColor)
                    .internal(internal).detached(Boolean.TRUE.equals(detached)).imported(Boolean.TRUE.equals(imported))
                    .sendAt(sendAt)
                    .email(email).sms(sms).emailOptions(emailOptions).smsOptions(smsOptions).order(order)
                    .appointment(appointment).links(links).suggestedReply(suggestedReply).translation(translation)
                    .files(files).metadata(metadata);
        }
    }

    /** Reads the {@link #SELECT} columns of a message of {@code tenant} in the given conversation. */
    static MessageRow read(Cells in, Tenant tenant, String conversationId, String customerId) throws SQLException {
        MessageBuilder b = Message.builder()
                .companyId(tenant.companyId())
                .locationId(tenant.locationId())
                .conversationId(conversationId)
                .customerId(customerId)
                .id(in.string())
                .createdDate(in.instant())
                .updatedDate(in.instant())
                .meta(new ChangeMeta(in.string(), in.string(), in.longValue()));
        boolean deleted = in.bool();
        String deletedUser = in.string();
        Instant deletedDate = in.instant();
        String deletedReason = in.string();
        b.deletion(deleted ? new Deletion(deletedUser, deletedDate, deletedReason) : null)
                .authorType(in.wire(AuthorType.class))
                .userId(in.string())
                .text(in.string())
                .clientMessageId(in.string());
        int customerNumber = in.intValue();
        long feedSeq = in.longValue();
        Details details = Json.read(in.string(), Details.class);
        Message message = (details == null ? b : details.into(b)).build();
        return new MessageRow(message, customerNumber, feedSeq);
    }
}
