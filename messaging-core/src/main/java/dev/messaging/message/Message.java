package dev.messaging.message;

import dev.messaging.common.ChangeMeta;
import dev.messaging.common.Deletion;
import dev.messaging.common.SoftDeletable;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A message of a conversation, sent internally or externally: every field of the Shopmonkey
 * Message schema, plus the LeadConnector channel, direction and email details and the caller's
 * idempotency key {@code clientMessageId}. Immutable; {@link #toBuilder()} makes a changed copy.
 *
 * <p>Nullable as in the reference: {@code sendEmail}, {@code sendSms} and {@code internal} are
 * null when a Customer wrote the message; {@code shopRead} is null when a User or System did.
 * {@code shopRead} is derived: true once someone at the shop has read the thread past it.
 */
public record Message(
        String id,
        Instant createdDate,
        Instant updatedDate,
        String companyId,
        String locationId,
        ChangeMeta meta,
        Map<String, String> metadata,
        MessageType type,
        String text,
        Boolean sendEmail,
        String emailSubject,
        DeliveryStatus emailStatus,
        String emailError,
        Boolean sendSms,
        DeliveryStatus smsStatus,
        String smsError,
        AuthorType authorType,
        MessageOrigin origin,
        boolean isOrderShare,
        OrderShareType orderShareType,
        String customerId,
        String userId,
        String orderId,
        String orderNumber,
        String appointmentId,
        String vehicleId,
        String vendorId,
        Boolean shopRead,
        Boolean internal,
        boolean detached,
        String conversationId,
        Deletion deletion,
        String locationReviewRequestId,
        String oneTimeCampaignId,
        String automatedCampaignId,
        String suggestedReply,
        SuggestedReplyState suggestedReplyState,
        boolean requestAppointmentConfirmation,
        AppointmentEvent appointmentEvent,
        boolean avoidSMSQuietHours,
        boolean imported,
        String emailId,
        String phoneNumberId,
        List<Delivery> emailDeliveries,
        List<Delivery> smsDeliveries,
        List<MessageFile> files,
        String userColor,
        String clientMessageId,
        MessageChannel channel,
        Direction direction,
        EmailDetails emailDetails,
        String languageCode,
        boolean isTranslated,
        String originalText) implements SoftDeletable {
    public Message {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        emailDeliveries = emailDeliveries == null ? List.of() : List.copyOf(emailDeliveries);
        smsDeliveries = smsDeliveries == null ? List.of() : List.copyOf(smsDeliveries);
        files = files == null ? List.of() : List.copyOf(files);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.createdDate = createdDate;
        b.updatedDate = updatedDate;
        b.companyId = companyId;
        b.locationId = locationId;
        b.meta = meta;
        b.metadata = metadata;
        b.type = type;
        b.text = text;
        b.sendEmail = sendEmail;
        b.emailSubject = emailSubject;
        b.emailStatus = emailStatus;
        b.emailError = emailError;
        b.sendSms = sendSms;
        b.smsStatus = smsStatus;
        b.smsError = smsError;
        b.authorType = authorType;
        b.origin = origin;
        b.isOrderShare = isOrderShare;
        b.orderShareType = orderShareType;
        b.customerId = customerId;
        b.userId = userId;
        b.orderId = orderId;
        b.orderNumber = orderNumber;
        b.appointmentId = appointmentId;
        b.vehicleId = vehicleId;
        b.vendorId = vendorId;
        b.shopRead = shopRead;
        b.internal = internal;
        b.detached = detached;
        b.conversationId = conversationId;
        b.deletion = deletion;
        b.locationReviewRequestId = locationReviewRequestId;
        b.oneTimeCampaignId = oneTimeCampaignId;
        b.automatedCampaignId = automatedCampaignId;
        b.suggestedReply = suggestedReply;
        b.suggestedReplyState = suggestedReplyState;
        b.requestAppointmentConfirmation = requestAppointmentConfirmation;
        b.appointmentEvent = appointmentEvent;
        b.avoidSMSQuietHours = avoidSMSQuietHours;
        b.imported = imported;
        b.emailId = emailId;
        b.phoneNumberId = phoneNumberId;
        b.emailDeliveries = emailDeliveries;
        b.smsDeliveries = smsDeliveries;
        b.files = files;
        b.userColor = userColor;
        b.clientMessageId = clientMessageId;
        b.channel = channel;
        b.direction = direction;
        b.emailDetails = emailDetails;
        b.languageCode = languageCode;
        b.isTranslated = isTranslated;
        b.originalText = originalText;
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Message}; used by the rules and by stores mapping rows. */
    public static final class Builder {
        private String id;
        private Instant createdDate;
        private Instant updatedDate;
        private String companyId;
        private String locationId;
        private ChangeMeta meta;
        private Map<String, String> metadata;
        private MessageType type;
        private String text;
        private Boolean sendEmail;
        private String emailSubject;
        private DeliveryStatus emailStatus;
        private String emailError;
        private Boolean sendSms;
        private DeliveryStatus smsStatus;
        private String smsError;
        private AuthorType authorType;
        private MessageOrigin origin;
        private boolean isOrderShare;
        private OrderShareType orderShareType;
        private String customerId;
        private String userId;
        private String orderId;
        private String orderNumber;
        private String appointmentId;
        private String vehicleId;
        private String vendorId;
        private Boolean shopRead;
        private Boolean internal;
        private boolean detached;
        private String conversationId;
        private Deletion deletion;
        private String locationReviewRequestId;
        private String oneTimeCampaignId;
        private String automatedCampaignId;
        private String suggestedReply;
        private SuggestedReplyState suggestedReplyState;
        private boolean requestAppointmentConfirmation;
        private AppointmentEvent appointmentEvent;
        private boolean avoidSMSQuietHours;
        private boolean imported;
        private String emailId;
        private String phoneNumberId;
        private List<Delivery> emailDeliveries;
        private List<Delivery> smsDeliveries;
        private List<MessageFile> files;
        private String userColor;
        private String clientMessageId;
        private MessageChannel channel;
        private Direction direction;
        private EmailDetails emailDetails;
        private String languageCode;
        private boolean isTranslated;
        private String originalText;

        private Builder() {
        }

        public Builder id(String value) {
            this.id = value;
            return this;
        }

        public Builder createdDate(Instant value) {
            this.createdDate = value;
            return this;
        }

        public Builder updatedDate(Instant value) {
            this.updatedDate = value;
            return this;
        }

        public Builder companyId(String value) {
            this.companyId = value;
            return this;
        }

        public Builder locationId(String value) {
            this.locationId = value;
            return this;
        }

        public Builder meta(ChangeMeta value) {
            this.meta = value;
            return this;
        }

        public Builder metadata(Map<String, String> value) {
            this.metadata = value;
            return this;
        }

        public Builder type(MessageType value) {
            this.type = value;
            return this;
        }

        public Builder text(String value) {
            this.text = value;
            return this;
        }

        public Builder sendEmail(Boolean value) {
            this.sendEmail = value;
            return this;
        }

        public Builder emailSubject(String value) {
            this.emailSubject = value;
            return this;
        }

        public Builder emailStatus(DeliveryStatus value) {
            this.emailStatus = value;
            return this;
        }

        public Builder emailError(String value) {
            this.emailError = value;
            return this;
        }

        public Builder sendSms(Boolean value) {
            this.sendSms = value;
            return this;
        }

        public Builder smsStatus(DeliveryStatus value) {
            this.smsStatus = value;
            return this;
        }

        public Builder smsError(String value) {
            this.smsError = value;
            return this;
        }

        public Builder authorType(AuthorType value) {
            this.authorType = value;
            return this;
        }

        public Builder origin(MessageOrigin value) {
            this.origin = value;
            return this;
        }

        public Builder isOrderShare(boolean value) {
            this.isOrderShare = value;
            return this;
        }

        public Builder orderShareType(OrderShareType value) {
            this.orderShareType = value;
            return this;
        }

        public Builder customerId(String value) {
            this.customerId = value;
            return this;
        }

        public Builder userId(String value) {
            this.userId = value;
            return this;
        }

        public Builder orderId(String value) {
            this.orderId = value;
            return this;
        }

        public Builder orderNumber(String value) {
            this.orderNumber = value;
            return this;
        }

        public Builder appointmentId(String value) {
            this.appointmentId = value;
            return this;
        }

        public Builder vehicleId(String value) {
            this.vehicleId = value;
            return this;
        }

        public Builder vendorId(String value) {
            this.vendorId = value;
            return this;
        }

        public Builder shopRead(Boolean value) {
            this.shopRead = value;
            return this;
        }

        public Builder internal(Boolean value) {
            this.internal = value;
            return this;
        }

        public Builder detached(boolean value) {
            this.detached = value;
            return this;
        }

        public Builder conversationId(String value) {
            this.conversationId = value;
            return this;
        }

        public Builder deletion(Deletion value) {
            this.deletion = value;
            return this;
        }

        public Builder locationReviewRequestId(String value) {
            this.locationReviewRequestId = value;
            return this;
        }

        public Builder oneTimeCampaignId(String value) {
            this.oneTimeCampaignId = value;
            return this;
        }

        public Builder automatedCampaignId(String value) {
            this.automatedCampaignId = value;
            return this;
        }

        public Builder suggestedReply(String value) {
            this.suggestedReply = value;
            return this;
        }

        public Builder suggestedReplyState(SuggestedReplyState value) {
            this.suggestedReplyState = value;
            return this;
        }

        public Builder requestAppointmentConfirmation(boolean value) {
            this.requestAppointmentConfirmation = value;
            return this;
        }

        public Builder appointmentEvent(AppointmentEvent value) {
            this.appointmentEvent = value;
            return this;
        }

        public Builder avoidSMSQuietHours(boolean value) {
            this.avoidSMSQuietHours = value;
            return this;
        }

        public Builder imported(boolean value) {
            this.imported = value;
            return this;
        }

        public Builder emailId(String value) {
            this.emailId = value;
            return this;
        }

        public Builder phoneNumberId(String value) {
            this.phoneNumberId = value;
            return this;
        }

        public Builder emailDeliveries(List<Delivery> value) {
            this.emailDeliveries = value;
            return this;
        }

        public Builder smsDeliveries(List<Delivery> value) {
            this.smsDeliveries = value;
            return this;
        }

        public Builder files(List<MessageFile> value) {
            this.files = value;
            return this;
        }

        public Builder userColor(String value) {
            this.userColor = value;
            return this;
        }

        public Builder clientMessageId(String value) {
            this.clientMessageId = value;
            return this;
        }

        public Builder channel(MessageChannel value) {
            this.channel = value;
            return this;
        }

        public Builder direction(Direction value) {
            this.direction = value;
            return this;
        }

        public Builder emailDetails(EmailDetails value) {
            this.emailDetails = value;
            return this;
        }

        public Builder languageCode(String value) {
            this.languageCode = value;
            return this;
        }

        public Builder isTranslated(boolean value) {
            this.isTranslated = value;
            return this;
        }

        public Builder originalText(String value) {
            this.originalText = value;
            return this;
        }

        public Message build() {
            return new Message(id, createdDate, updatedDate, companyId, locationId, meta, metadata, type, text, sendEmail, emailSubject, emailStatus, emailError, sendSms, smsStatus, smsError, authorType, origin, isOrderShare, orderShareType, customerId, userId, orderId, orderNumber, appointmentId, vehicleId, vendorId, shopRead, internal, detached, conversationId, deletion, locationReviewRequestId, oneTimeCampaignId, automatedCampaignId, suggestedReply, suggestedReplyState, requestAppointmentConfirmation, appointmentEvent, avoidSMSQuietHours, imported, emailId, phoneNumberId, emailDeliveries, smsDeliveries, files, userColor, clientMessageId, channel, direction, emailDetails, languageCode, isTranslated, originalText);
        }
    }
}
