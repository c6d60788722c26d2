package dev.messaging.message;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A request to create a message (Shopmonkey POST /v3/message and more). {@code text} and
 * {@code customerId} (or {@code conversationId}) are required; the author is the acting
 * {@code Actor}; everything else is optional and defaulted by the rules (see {@code Messages}).
 * {@code imported} and {@code createdDate} are for history import by the system only.
 */
public record NewMessage(
        String text,
        String customerId,
        String conversationId,
        String clientMessageId,
        Boolean sendEmail,
        String emailSubject,
        Boolean sendSms,
        Boolean internal,
        boolean isOrderShare,
        OrderShareType orderShareType,
        String orderId,
        String orderNumber,
        String vehicleId,
        String vendorId,
        String appointmentId,
        boolean requestAppointmentConfirmation,
        AppointmentEvent appointmentEvent,
        String suggestedReply,
        SuggestedReplyState suggestedReplyState,
        boolean avoidSMSQuietHours,
        String emailId,
        String phoneNumberId,
        List<MessageFile> files,
        MessageOrigin origin,
        MessageChannel channel,
        Map<String, String> metadata,
        String locationReviewRequestId,
        String oneTimeCampaignId,
        String automatedCampaignId,
        boolean detached,
        String userColor,
        EmailDetails emailDetails,
        boolean imported,
        Instant createdDate,
        String languageCode,
        boolean isTranslated,
        String originalText) {

    /** A builder for a message to (or from) {@code customerId} with {@code text}. */
    public static Builder to(String customerId, String text) {
        return builder().customerId(customerId).text(text);
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.text = text;
        b.customerId = customerId;
        b.conversationId = conversationId;
        b.clientMessageId = clientMessageId;
        b.sendEmail = sendEmail;
        b.emailSubject = emailSubject;
        b.sendSms = sendSms;
        b.internal = internal;
        b.isOrderShare = isOrderShare;
        b.orderShareType = orderShareType;
        b.orderId = orderId;
        b.orderNumber = orderNumber;
        b.vehicleId = vehicleId;
        b.vendorId = vendorId;
        b.appointmentId = appointmentId;
        b.requestAppointmentConfirmation = requestAppointmentConfirmation;
        b.appointmentEvent = appointmentEvent;
        b.suggestedReply = suggestedReply;
        b.suggestedReplyState = suggestedReplyState;
        b.avoidSMSQuietHours = avoidSMSQuietHours;
        b.emailId = emailId;
        b.phoneNumberId = phoneNumberId;
        b.files = files;
        b.origin = origin;
        b.channel = channel;
        b.metadata = metadata;
        b.locationReviewRequestId = locationReviewRequestId;
        b.oneTimeCampaignId = oneTimeCampaignId;
        b.automatedCampaignId = automatedCampaignId;
        b.detached = detached;
        b.userColor = userColor;
        b.emailDetails = emailDetails;
        b.imported = imported;
        b.createdDate = createdDate;
        b.languageCode = languageCode;
        b.isTranslated = isTranslated;
        b.originalText = originalText;
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link NewMessage}; used by the rules and by stores mapping rows. */
    public static final class Builder {
        private String text;
        private String customerId;
        private String conversationId;
        private String clientMessageId;
        private Boolean sendEmail;
        private String emailSubject;
        private Boolean sendSms;
        private Boolean internal;
        private boolean isOrderShare;
        private OrderShareType orderShareType;
        private String orderId;
        private String orderNumber;
        private String vehicleId;
        private String vendorId;
        private String appointmentId;
        private boolean requestAppointmentConfirmation;
        private AppointmentEvent appointmentEvent;
        private String suggestedReply;
        private SuggestedReplyState suggestedReplyState;
        private boolean avoidSMSQuietHours;
        private String emailId;
        private String phoneNumberId;
        private List<MessageFile> files;
        private MessageOrigin origin;
        private MessageChannel channel;
        private Map<String, String> metadata;
        private String locationReviewRequestId;
        private String oneTimeCampaignId;
        private String automatedCampaignId;
        private boolean detached;
        private String userColor;
        private EmailDetails emailDetails;
        private boolean imported;
        private Instant createdDate;
        private String languageCode;
        private boolean isTranslated;
        private String originalText;

        private Builder() {
        }

        public Builder text(String value) {
            this.text = value;
            return this;
        }

        public Builder customerId(String value) {
            this.customerId = value;
            return this;
        }

        public Builder conversationId(String value) {
            this.conversationId = value;
            return this;
        }

        public Builder clientMessageId(String value) {
            this.clientMessageId = value;
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

        public Builder sendSms(Boolean value) {
            this.sendSms = value;
            return this;
        }

        public Builder internal(Boolean value) {
            this.internal = value;
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

        public Builder orderId(String value) {
            this.orderId = value;
            return this;
        }

        public Builder orderNumber(String value) {
            this.orderNumber = value;
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

        public Builder appointmentId(String value) {
            this.appointmentId = value;
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

        public Builder suggestedReply(String value) {
            this.suggestedReply = value;
            return this;
        }

        public Builder suggestedReplyState(SuggestedReplyState value) {
            this.suggestedReplyState = value;
            return this;
        }

        public Builder avoidSMSQuietHours(boolean value) {
            this.avoidSMSQuietHours = value;
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

        public Builder files(List<MessageFile> value) {
            this.files = value;
            return this;
        }

        public Builder origin(MessageOrigin value) {
            this.origin = value;
            return this;
        }

        public Builder channel(MessageChannel value) {
            this.channel = value;
            return this;
        }

        public Builder metadata(Map<String, String> value) {
            this.metadata = value;
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

        public Builder detached(boolean value) {
            this.detached = value;
            return this;
        }

        public Builder userColor(String value) {
            this.userColor = value;
            return this;
        }

        public Builder emailDetails(EmailDetails value) {
            this.emailDetails = value;
            return this;
        }

        public Builder imported(boolean value) {
            this.imported = value;
            return this;
        }

        public Builder createdDate(Instant value) {
            this.createdDate = value;
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

        public NewMessage build() {
            return new NewMessage(text, customerId, conversationId, clientMessageId, sendEmail, emailSubject, sendSms, internal, isOrderShare, orderShareType, orderId, orderNumber, vehicleId, vendorId, appointmentId, requestAppointmentConfirmation, appointmentEvent, suggestedReply, suggestedReplyState, avoidSMSQuietHours, emailId, phoneNumberId, files, origin, channel, metadata, locationReviewRequestId, oneTimeCampaignId, automatedCampaignId, detached, userColor, emailDetails, imported, createdDate, languageCode, isTranslated, originalText);
        }
    }
}
