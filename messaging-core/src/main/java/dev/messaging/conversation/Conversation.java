package dev.messaging.conversation;

import dev.messaging.common.ChangeMeta;
import dev.messaging.common.Deletion;
import dev.messaging.common.SoftDeletable;
import dev.messaging.message.Direction;
import dev.messaging.message.MessageChannel;
import java.time.Instant;

/**
 * A conversation with one customer at one location. At most one live (non-deleted) conversation
 * exists per customer. It keeps a summary of its newest live message ({@code lastMessage*}),
 * which a new message refreshes without bumping {@code meta.version} (derived state, not an
 * edit). {@code archived} is the shop-wide archive; each user's own is on their thread.
 */
public record Conversation(
        String id,
        Instant createdDate,
        Instant updatedDate,
        String companyId,
        String locationId,
        ChangeMeta meta,
        String customerId,
        Contact contact,
        String assignedTo,
        ConversationChannel channel,
        boolean archived,
        ConversationStatus status,
        Instant snoozedUntil,
        String subject,
        String orderId,
        Deletion deletion,
        Instant lastMessageDate,
        String lastMessageBody,
        MessageChannel lastMessageType,
        String lastMessageId,
        Direction lastMessageDirection,
        ConversationType conversationType,
        String outletCode,
        String orderCode) implements SoftDeletable {
    public Conversation {
        status = status == null ? ConversationStatus.OPEN : status;
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.createdDate = createdDate;
        b.updatedDate = updatedDate;
        b.companyId = companyId;
        b.locationId = locationId;
        b.meta = meta;
        b.customerId = customerId;
        b.contact = contact;
        b.assignedTo = assignedTo;
        b.channel = channel;
        b.archived = archived;
        b.status = status;
        b.snoozedUntil = snoozedUntil;
        b.subject = subject;
        b.orderId = orderId;
        b.deletion = deletion;
        b.lastMessageDate = lastMessageDate;
        b.lastMessageBody = lastMessageBody;
        b.lastMessageType = lastMessageType;
        b.lastMessageId = lastMessageId;
        b.lastMessageDirection = lastMessageDirection;
        b.conversationType = conversationType;
        b.outletCode = outletCode;
        b.orderCode = orderCode;
        return b;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link Conversation}; used by the rules and by stores mapping rows. */
    public static final class Builder {
        private String id;
        private Instant createdDate;
        private Instant updatedDate;
        private String companyId;
        private String locationId;
        private ChangeMeta meta;
        private String customerId;
        private Contact contact;
        private String assignedTo;
        private ConversationChannel channel;
        private boolean archived;
        private ConversationStatus status;
        private Instant snoozedUntil;
        private String subject;
        private String orderId;
        private Deletion deletion;
        private Instant lastMessageDate;
        private String lastMessageBody;
        private MessageChannel lastMessageType;
        private String lastMessageId;
        private Direction lastMessageDirection;
        private ConversationType conversationType;
        private String outletCode;
        private String orderCode;

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

        public Builder customerId(String value) {
            this.customerId = value;
            return this;
        }

        public Builder contact(Contact value) {
            this.contact = value;
            return this;
        }

        public Builder assignedTo(String value) {
            this.assignedTo = value;
            return this;
        }

        public Builder channel(ConversationChannel value) {
            this.channel = value;
            return this;
        }

        public Builder archived(boolean value) {
            this.archived = value;
            return this;
        }

        public Builder status(ConversationStatus value) {
            this.status = value;
            return this;
        }

        public Builder snoozedUntil(Instant value) {
            this.snoozedUntil = value;
            return this;
        }

        public Builder subject(String value) {
            this.subject = value;
            return this;
        }

        public Builder orderId(String value) {
            this.orderId = value;
            return this;
        }

        public Builder deletion(Deletion value) {
            this.deletion = value;
            return this;
        }

        public Builder lastMessageDate(Instant value) {
            this.lastMessageDate = value;
            return this;
        }

        public Builder lastMessageBody(String value) {
            this.lastMessageBody = value;
            return this;
        }

        public Builder lastMessageType(MessageChannel value) {
            this.lastMessageType = value;
            return this;
        }

        public Builder lastMessageId(String value) {
            this.lastMessageId = value;
            return this;
        }

        public Builder lastMessageDirection(Direction value) {
            this.lastMessageDirection = value;
            return this;
        }

        public Builder conversationType(ConversationType value) {
            this.conversationType = value;
            return this;
        }

        public Builder outletCode(String value) {
            this.outletCode = value;
            return this;
        }

        public Builder orderCode(String value) {
            this.orderCode = value;
            return this;
        }

        public Conversation build() {
            return new Conversation(id, createdDate, updatedDate, companyId, locationId, meta, customerId, contact, assignedTo, channel, archived, status, snoozedUntil, subject, orderId, deletion, lastMessageDate, lastMessageBody, lastMessageType, lastMessageId, lastMessageDirection, conversationType, outletCode, orderCode);
        }
    }
}
