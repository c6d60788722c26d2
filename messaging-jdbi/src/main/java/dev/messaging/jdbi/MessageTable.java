package dev.messaging.jdbi;

import static dev.messaging.jdbi.Cells.millis;
import static dev.messaging.jdbi.Cells.wire;

import dev.messaging.common.ChangeMeta;
import dev.messaging.common.Deletion;
import dev.messaging.message.AppointmentEvent;
import dev.messaging.message.AuthorType;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.Direction;
import dev.messaging.message.Message;
import dev.messaging.message.MessageChannel;
import dev.messaging.message.MessageOrigin;
import dev.messaging.message.MessageType;
import dev.messaging.message.OrderShareType;
import dev.messaging.message.SuggestedReplyState;
import dev.messaging.spi.MessageRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** The {@code message} table: its columns and its row mapper (by index). */
final class MessageTable {
    static final List<Column<MessageRow>> COLUMNS = List.of(
            col("id", String.class, r -> r.message().id()),
            col("company_id", String.class, r -> r.message().companyId()),
            col("location_id", String.class, r -> r.message().locationId()),
            col("conversation_id", String.class, r -> r.message().conversationId()),
            col("customer_id", String.class, r -> r.message().customerId()),
            col("created_date", Long.class, r -> millis(r.message().createdDate())),
            col("updated_date", Long.class, r -> millis(r.message().updatedDate())),
            col("meta_user_id", String.class, r -> r.message().meta().userId()),
            col("meta_session_id", String.class, r -> r.message().meta().sessionId()),
            col("version", Long.class, r -> r.message().meta().version()),
            col("metadata", String.class, r -> Json.write(r.message().metadata())),
            col("type", String.class, r -> wire(r.message().type())),
            col("text", String.class, r -> r.message().text()),
            col("send_email", Boolean.class, r -> r.message().sendEmail()),
            col("email_subject", String.class, r -> r.message().emailSubject()),
            col("email_status", String.class, r -> wire(r.message().emailStatus())),
            col("email_error", String.class, r -> r.message().emailError()),
            col("send_sms", Boolean.class, r -> r.message().sendSms()),
            col("sms_status", String.class, r -> wire(r.message().smsStatus())),
            col("sms_error", String.class, r -> r.message().smsError()),
            col("author_type", String.class, r -> wire(r.message().authorType())),
            col("origin", String.class, r -> wire(r.message().origin())),
            col("is_order_share", Boolean.class, r -> r.message().isOrderShare()),
            col("order_share_type", String.class, r -> wire(r.message().orderShareType())),
            col("user_id", String.class, r -> r.message().userId()),
            col("order_id", String.class, r -> r.message().orderId()),
            col("order_number", String.class, r -> r.message().orderNumber()),
            col("appointment_id", String.class, r -> r.message().appointmentId()),
            col("vehicle_id", String.class, r -> r.message().vehicleId()),
            col("vendor_id", String.class, r -> r.message().vendorId()),
            col("internal", Boolean.class, r -> r.message().internal()),
            col("detached", Boolean.class, r -> r.message().detached()),
            col("deleted", Boolean.class, r -> r.message().deleted()),
            col("deleted_user_id", String.class, r -> r.message().deletedUserId()),
            col("deleted_date", Long.class, r -> millis(r.message().deletedDate())),
            col("deleted_reason", String.class, r -> r.message().deletedReason()),
            col("location_review_request_id", String.class, r -> r.message().locationReviewRequestId()),
            col("one_time_campaign_id", String.class, r -> r.message().oneTimeCampaignId()),
            col("automated_campaign_id", String.class, r -> r.message().automatedCampaignId()),
            col("suggested_reply", String.class, r -> r.message().suggestedReply()),
            col("suggested_reply_state", String.class, r -> wire(r.message().suggestedReplyState())),
            col("request_appointment_confirmation", Boolean.class, r -> r.message().requestAppointmentConfirmation()),
            col("appointment_event", String.class, r -> wire(r.message().appointmentEvent())),
            col("avoid_sms_quiet_hours", Boolean.class, r -> r.message().avoidSMSQuietHours()),
            col("imported", Boolean.class, r -> r.message().imported()),
            col("email_id", String.class, r -> r.message().emailId()),
            col("phone_number_id", String.class, r -> r.message().phoneNumberId()),
            col("email_deliveries", String.class, r -> Json.write(r.message().emailDeliveries())),
            col("sms_deliveries", String.class, r -> Json.write(r.message().smsDeliveries())),
            col("files", String.class, r -> Json.write(r.message().files())),
            col("user_color", String.class, r -> r.message().userColor()),
            col("client_message_id", String.class, r -> r.message().clientMessageId()),
            col("channel", String.class, r -> wire(r.message().channel())),
            col("direction", String.class, r -> wire(r.message().direction())),
            col("email_details", String.class, r -> Json.write(r.message().emailDetails())),
            col("customer_number", Integer.class, MessageRow::customerNumber),
            col("feed_seq", Long.class, MessageRow::feedSeq),
            col("language_code", String.class, r -> r.message().languageCode()),
            col("is_translated", Boolean.class, r -> r.message().isTranslated()),
            col("original_text", String.class, r -> r.message().originalText()));

    static final String INSERT = Column.insert("message", COLUMNS);

    private MessageTable() {
    }

    private static Column<MessageRow> col(String name, Class<?> type, Function<MessageRow, Object> value) {
        return new Column<>(name, type, value);
    }

    /** Reads a row whose message columns start at {@code first} (1-based). */
    static MessageRow read(ResultSet rs, int first) throws SQLException {
        int i = first;
        Message.Builder b = Message.builder();
        b.id(rs.getString(i++));
        b.companyId(rs.getString(i++));
        b.locationId(rs.getString(i++));
        b.conversationId(rs.getString(i++));
        b.customerId(rs.getString(i++));
        b.createdDate(Cells.instant(rs, i++));
        b.updatedDate(Cells.instant(rs, i++));
        String metaUser = rs.getString(i++);
        String metaSession = rs.getString(i++);
        b.meta(new ChangeMeta(metaUser, metaSession, rs.getLong(i++)));
        b.metadata(Json.strings(rs.getString(i++)));
        b.type(Cells.wire(rs, i++, MessageType.class));
        b.text(rs.getString(i++));
        b.sendEmail(Cells.bool(rs, i++));
        b.emailSubject(rs.getString(i++));
        b.emailStatus(Cells.wire(rs, i++, DeliveryStatus.class));
        b.emailError(rs.getString(i++));
        b.sendSms(Cells.bool(rs, i++));
        b.smsStatus(Cells.wire(rs, i++, DeliveryStatus.class));
        b.smsError(rs.getString(i++));
        b.authorType(Cells.wire(rs, i++, AuthorType.class));
        b.origin(Cells.wire(rs, i++, MessageOrigin.class));
        b.isOrderShare(rs.getBoolean(i++));
        b.orderShareType(Cells.wire(rs, i++, OrderShareType.class));
        b.userId(rs.getString(i++));
        b.orderId(rs.getString(i++));
        b.orderNumber(rs.getString(i++));
        b.appointmentId(rs.getString(i++));
        b.vehicleId(rs.getString(i++));
        b.vendorId(rs.getString(i++));
        b.internal(Cells.bool(rs, i++));
        b.detached(rs.getBoolean(i++));
        boolean deleted = rs.getBoolean(i++);
        String deletedUser = rs.getString(i++);
        Instant deletedDate = Cells.instant(rs, i++);
        String deletedReason = rs.getString(i++);
        b.deletion(deleted ? new Deletion(deletedUser, deletedDate, deletedReason) : null);
        b.locationReviewRequestId(rs.getString(i++));
        b.oneTimeCampaignId(rs.getString(i++));
        b.automatedCampaignId(rs.getString(i++));
        b.suggestedReply(rs.getString(i++));
        b.suggestedReplyState(Cells.wire(rs, i++, SuggestedReplyState.class));
        b.requestAppointmentConfirmation(rs.getBoolean(i++));
        b.appointmentEvent(Cells.wire(rs, i++, AppointmentEvent.class));
        b.avoidSMSQuietHours(rs.getBoolean(i++));
        b.imported(rs.getBoolean(i++));
        b.emailId(rs.getString(i++));
        b.phoneNumberId(rs.getString(i++));
        b.emailDeliveries(Json.deliveries(rs.getString(i++)));
        b.smsDeliveries(Json.deliveries(rs.getString(i++)));
        b.files(Json.files(rs.getString(i++)));
        b.userColor(rs.getString(i++));
        b.clientMessageId(rs.getString(i++));
        b.channel(Cells.wire(rs, i++, MessageChannel.class));
        b.direction(Cells.wire(rs, i++, Direction.class));
        b.emailDetails(Json.emailDetails(rs.getString(i++)));
        int customerNumber = rs.getInt(i++);
        long feedSeq = rs.getLong(i++);
        b.languageCode(rs.getString(i++)).isTranslated(rs.getBoolean(i++)).originalText(rs.getString(i));
        return new MessageRow(b.build(), customerNumber, feedSeq);
    }
}
