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
 * idempotency key {@code clientMessageId}. Fields that change together are small records: each
 * channel's {@link Send} (the reference's {@code sendEmail}, {@code emailStatus},
 * {@code emailError}, {@code emailDeliveries} and their SMS twins), the email and SMS options, the
 * order and appointment it is about, its links, suggested reply and translation. Immutable;
 * {@link #toBuilder()} makes a changed copy.
 *
 * <p>Nullable as in the reference: {@code email.requested}, {@code sms.requested} and
 * {@code internal} are null when a Customer wrote the message; {@code shopRead} is null when a User
 * or System did. {@code shopRead} is derived: true once someone at the shop has read the thread
 * past it. {@code metadata} holds any JSON value per key (strings, numbers, booleans, null, lists
 * and maps of them).
 */
public record Message(
        String id,
        Instant createdDate,
        Instant updatedDate,
        String companyId,
        String locationId,
        ChangeMeta meta,
        Deletion deletion,
        String conversationId,
        String customerId,
        AuthorType authorType,
        String userId,
        String userColor,
        String text,
        MessageType type,
        MessageOrigin origin,
        MessageChannel channel,
        Direction direction,
        Boolean shopRead,
        Boolean internal,
        boolean detached,
        boolean imported,
        String clientMessageId,
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
        Map<String, Object> metadata) implements SoftDeletable {
    public Message {
        email = email == null ? Send.NONE : email;
        sms = sms == null ? Send.NONE : sms;
        emailOptions = emailOptions == null ? EmailOptions.NONE : emailOptions;
        smsOptions = smsOptions == null ? SmsOptions.NONE : smsOptions;
        order = order == null ? OrderRef.NONE : order;
        appointment = appointment == null ? AppointmentRef.NONE : appointment;
        links = links == null ? MessageLinks.NONE : links;
        suggestedReply = suggestedReply == null ? SuggestedReply.NONE : suggestedReply;
        translation = translation == null ? Translation.NONE : translation;
        files = files == null ? List.of() : List.copyOf(files);
        metadata = metadata == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metadata));
    }

    /** A builder holding this message's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.createdDate = createdDate;
        b.updatedDate = updatedDate;
        b.companyId = companyId;
        b.locationId = locationId;
        b.meta = meta;
        b.deletion = deletion;
        b.conversationId = conversationId;
        b.customerId = customerId;
        b.authorType = authorType;
        b.userId = userId;
        b.userColor = userColor;
        b.text = text;
        b.type = type;
        b.origin = origin;
        b.channel = channel;
        b.direction = direction;
        b.shopRead = shopRead;
        b.internal = internal;
        b.detached = detached;
        b.imported = imported;
        b.clientMessageId = clientMessageId;
        b.email = email;
        b.sms = sms;
        b.emailOptions = emailOptions;
        b.smsOptions = smsOptions;
        b.order = order;
        b.appointment = appointment;
        b.links = links;
        b.suggestedReply = suggestedReply;
        b.translation = translation;
        b.files = files;
        b.metadata = metadata;
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Message} (the rules build new messages, stores map rows with it). */
    public static final class Builder {
        private String id;
        private Instant createdDate;
        private Instant updatedDate;
        private String companyId;
        private String locationId;
        private ChangeMeta meta;
        private Deletion deletion;
        private String conversationId;
        private String customerId;
        private AuthorType authorType;
        private String userId;
        private String userColor;
        private String text;
        private MessageType type;
        private MessageOrigin origin;
        private MessageChannel channel;
        private Direction direction;
        private Boolean shopRead;
        private Boolean internal;
        private boolean detached;
        private boolean imported;
        private String clientMessageId;
        private Send email;
        private Send sms;
        private EmailOptions emailOptions;
        private SmsOptions smsOptions;
        private OrderRef order;
        private AppointmentRef appointment;
        private MessageLinks links;
        private SuggestedReply suggestedReply;
        private Translation translation;
        private List<MessageFile> files;
        private Map<String, Object> metadata;

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

        public Builder deletion(Deletion value) {
            this.deletion = value;
            return this;
        }

        public Builder conversationId(String value) {
            this.conversationId = value;
            return this;
        }

        public Builder customerId(String value) {
            this.customerId = value;
            return this;
        }

        public Builder authorType(AuthorType value) {
            this.authorType = value;
            return this;
        }

        public Builder userId(String value) {
            this.userId = value;
            return this;
        }

        public Builder userColor(String value) {
            this.userColor = value;
            return this;
        }

        public Builder text(String value) {
            this.text = value;
            return this;
        }

        public Builder type(MessageType value) {
            this.type = value;
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

        public Builder direction(Direction value) {
            this.direction = value;
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

        public Builder imported(boolean value) {
            this.imported = value;
            return this;
        }

        public Builder clientMessageId(String value) {
            this.clientMessageId = value;
            return this;
        }

        public Builder email(Send value) {
            this.email = value;
            return this;
        }

        public Builder sms(Send value) {
            this.sms = value;
            return this;
        }

        public Builder emailOptions(EmailOptions value) {
            this.emailOptions = value;
            return this;
        }

        public Builder smsOptions(SmsOptions value) {
            this.smsOptions = value;
            return this;
        }

        public Builder order(OrderRef value) {
            this.order = value;
            return this;
        }

        public Builder appointment(AppointmentRef value) {
            this.appointment = value;
            return this;
        }

        public Builder links(MessageLinks value) {
            this.links = value;
            return this;
        }

        public Builder suggestedReply(SuggestedReply value) {
            this.suggestedReply = value;
            return this;
        }

        public Builder translation(Translation value) {
            this.translation = value;
            return this;
        }

        public Builder files(List<MessageFile> value) {
            this.files = value;
            return this;
        }

        public Builder metadata(Map<String, Object> value) {
            this.metadata = value;
            return this;
        }

        public Message build() {
            return new Message(id, createdDate, updatedDate, companyId, locationId, meta, deletion, conversationId, customerId, authorType, userId, userColor, text, type, origin, channel, direction, shopRead, internal, detached, imported, clientMessageId, email, sms, emailOptions, smsOptions, order, appointment, links, suggestedReply, translation, files, metadata);
        }
    }
}

