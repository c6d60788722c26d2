package dev.messaging;

import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.ChangeMeta;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationStatus;
import dev.messaging.conversation.NewConversation;
import dev.messaging.error.ConflictException;
import dev.messaging.error.ForbiddenException;
import dev.messaging.error.ValidationException;
import dev.messaging.message.AuthorType;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.Direction;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.Message;
import dev.messaging.message.MessageChannel;
import dev.messaging.message.MessageFile;
import dev.messaging.message.MessageOrigin;
import dev.messaging.message.MessageType;
import dev.messaging.message.NewMessage;
import dev.messaging.message.SuggestedReplyState;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.CustomerMessageCounters;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.StoreTransaction;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creating a message inside a transaction: the defaults by author, the conversation it goes to
 * (created if the customer has none), its customer number and the conversation's counters and
 * summary, clientMessageId idempotency. Used by {@code Messages.create} and by the hotel API's
 * "create a conversation with its first message" ({@code Conversations.start}).
 */
final class MessageWrites {
    private MessageWrites() {
    }

    /** Checks a create request; throws a {@link ValidationException} listing every problem, or forbidden. */
    static void validate(Engine engine, Actor actor, NewMessage r) {
        Validator v = engine.validator();
        if (r == null) {
            throw ValidationException.of("request", "is required");
        }
        if (actor.isCustomer()) {
            if (r.customerId() != null && !r.customerId().equals(actor.customerId())) {
                throw new ForbiddenException("a customer may write only in its own conversation");
            }
            if (r.sendEmail() != null || r.sendSms() != null || r.internal() != null) {
                if (r.sendEmail() != null) {
                    v.add("sendEmail", "is null for a Customer author");
                }
                if (r.sendSms() != null) {
                    v.add("sendSms", "is null for a Customer author");
                }
                if (r.internal() != null) {
                    v.add("internal", "is null for a Customer author");
                }
            }
        }
        if (r.imported() && !actor.isSystem()) {
            throw new ForbiddenException("only the system may import history");
        }
        v.requiredText("text", r.text());
        if (r.customerId() == null && r.conversationId() == null && !actor.isCustomer()) {
            v.add("customerId", "is required (or a conversationId)");
        }
        v.id("customerId", r.customerId());
        v.id("conversationId", r.conversationId());
        v.id("clientMessageId", r.clientMessageId());
        v.shortText("emailSubject", r.emailSubject());
        for (String[] id : new String[][] {{"orderId", r.orderId()}, {"vehicleId", r.vehicleId()},
                {"vendorId", r.vendorId()}, {"appointmentId", r.appointmentId()}, {"emailId", r.emailId()},
                {"phoneNumberId", r.phoneNumberId()}, {"locationReviewRequestId", r.locationReviewRequestId()},
                {"oneTimeCampaignId", r.oneTimeCampaignId()}, {"automatedCampaignId", r.automatedCampaignId()}}) {
            v.id(id[0], id[1]);
        }
        v.shortText("orderNumber", r.orderNumber());
        v.shortText("languageCode", r.languageCode());
        v.text("originalText", r.originalText());
        v.shortText("userColor", r.userColor());
        v.text("suggestedReply", r.suggestedReply());
        if (r.isOrderShare()) {
            v.required("orderShareType", r.orderShareType());
            if (r.orderId() == null) {
                v.add("orderId", "is required when isOrderShare is true");
            }
        }
        if (r.requestAppointmentConfirmation()) {
            if (r.appointmentId() == null) {
                v.add("appointmentId", "is required when requestAppointmentConfirmation is true");
            }
            v.required("appointmentEvent", r.appointmentEvent());
        }
        if (Boolean.TRUE.equals(r.internal())) {
            if (Boolean.TRUE.equals(r.sendEmail())) {
                v.add("sendEmail", "must be false for an internal note");
            }
            if (Boolean.TRUE.equals(r.sendSms())) {
                v.add("sendSms", "must be false for an internal note");
            }
        }
        if (r.createdDate() != null && !r.imported()) {
            v.add("createdDate", "may be set only on an imported message");
        }
        validateFiles(v, r.files());
        validateMetadata(v, r.metadata());
        validateEmail(v, r.emailDetails());
        v.throwIfAny();
    }

    private static void validateFiles(Validator v, List<MessageFile> files) {
        if (files == null) {
            return;
        }
        for (int i = 0; i < files.size(); i++) {
            String field = "files[" + i + "]";
            MessageFile f = files.get(i);
            if (f == null) {
                v.add(field, "is null");
                continue;
            }
            v.requiredId(field + ".id", f.id());
            v.required(field + ".url", f.url());
            v.text(field + ".url", f.url());
            v.text(field + ".thumbnailUrl", f.thumbnailUrl());
            v.shortText(field + ".fileType", f.fileType());
            v.shortText(field + ".fileName", f.fileName());
            if (f.fileSize() != null && f.fileSize() < 0) {
                v.add(field + ".fileSize", "must not be negative");
            }
        }
    }

    private static void validateMetadata(Validator v, Map<String, String> metadata) {
        if (metadata == null) {
            return;
        }
        metadata.forEach((key, value) -> {
            String field = "metadata." + key;
            if (key == null || key.isBlank()) {
                v.add("metadata", "has a blank key");
            } else {
                v.shortText("metadata", key);
            }
            if (value == null) {
                v.add(field, "is null");
            } else {
                v.text(field, value);
            }
        });
    }

    private static void validateEmail(Validator v, EmailDetails e) {
        if (e == null) {
            return;
        }
        String p = "emailDetails.";
        for (String[] field : new String[][] {{"altId", e.altId()}, {"threadId", e.threadId()},
                {"contentType", e.contentType()}, {"provider", e.provider()}, {"from", e.from()},
                {"replyToMessageId", e.replyToMessageId()}, {"source", e.source()},
                {"conversationProviderId", e.conversationProviderId()}}) {
            v.shortText(p + field[0], field[1]);
        }
        for (Map.Entry<String, List<String>> list : Map.of("attachments", e.attachments(), "to", e.to(), "cc", e.cc(),
                "bcc", e.bcc()).entrySet()) {
            for (int i = 0; i < list.getValue().size(); i++) {
                String field = p + list.getKey() + "[" + i + "]";
                v.required(field, list.getValue().get(i));
                v.text(field, list.getValue().get(i));
            }
        }
    }

    /** Creates {@code r} in this transaction (the rules of {@code Messages.create}); validation done before. */
    static Message insert(Engine engine, StoreTransaction tx, Actor actor, NewMessage r) {
        ConversationRow conversation = resolveConversation(engine, tx, actor, r);
        Conversation c = conversation.conversation();
        Instant now = engine.now();
        Message message = build(engine, actor, r, c, now);
        CustomerMessageCounters counters = conversation.counters();
        boolean fromCustomer = message.authorType() == AuthorType.CUSTOMER;
        int customerNumber = fromCustomer ? counters.customerCount() + 1 : 0;
        long seq = Changes.record(tx, actor, now, EntityType.MESSAGE, message.id(), 1, Operation.CREATE,
                c.customerId(), Changes.payload("conversationId", c.id(), "authorType",
                        message.authorType().wireValue(), "text", message.text())).sequence();
        Optional<MessageRow> first = tx.insertMessage(new MessageRow(message, customerNumber, seq));
        if (first.isPresent()) {
            replayOrConflict(tx, first.get(), message);
        }
        Conversation updated = ConversationRows.isNewerThanSummary(c, message)
                ? ConversationRows.withSummary(c, message) : c;
        if (fromCustomer) {
            counters = new CustomerMessageCounters(customerNumber, counters.deletedCustomerCount(), customerNumber,
                    seq, seq, counters.shopReadNumber());
            Conversation.Builder woken = updated.toBuilder().archived(false);
            if (updated.status() == ConversationStatus.SNOOZED) {
                woken.status(ConversationStatus.OPEN).snoozedUntil(null);
            }
            updated = woken.build();
        }
        ConversationRow saved = new ConversationRow(updated, counters);
        ConversationRows.saveDerived(tx, saved);
        return MessageViews.present(new MessageRow(message, customerNumber, seq), saved, tx.shopAllReadSeq());
    }

    private static ConversationRow resolveConversation(Engine engine, StoreTransaction tx, Actor actor, NewMessage r) {
        String customerId = actor.isCustomer() ? actor.customerId() : r.customerId();
        if (r.conversationId() == null) {
            return ConversationRows.getOrCreate(engine, tx, actor, NewConversation.forCustomer(customerId), false).row();
        }
        ConversationRow row = tx.findConversation(r.conversationId())
                .orElseThrow(() -> ValidationException.of("conversationId", "no such conversation in this location"));
        Conversation c = row.conversation();
        Access.requireOwnConversation(actor, c.customerId());
        if (c.deleted()) {
            throw ValidationException.of("conversationId", "the conversation is deleted");
        }
        if (r.customerId() != null && !r.customerId().equals(c.customerId())) {
            throw ValidationException.of("customerId", "is not the customer of conversation " + c.id());
        }
        return row;
    }

    private static Message build(Engine engine, Actor actor, NewMessage r, Conversation c, Instant now) {
        AuthorType author = switch (actor.kind()) {
            case CUSTOMER -> AuthorType.CUSTOMER;
            case USER -> AuthorType.USER;
            case SYSTEM -> AuthorType.SYSTEM;
        };
        boolean customer = author == AuthorType.CUSTOMER;
        boolean internal = !customer && Boolean.TRUE.equals(r.internal());
        Boolean sendEmail = customer ? null : Boolean.TRUE.equals(r.sendEmail());
        Boolean sendSms = customer ? null : Boolean.TRUE.equals(r.sendSms());
        boolean campaign = r.oneTimeCampaignId() != null || r.automatedCampaignId() != null;
        Instant created = r.imported() && r.createdDate() != null ? r.createdDate().truncatedTo(ChronoUnit.MILLIS) : now;
        return Message.builder()
                .id(engine.newId())
                .createdDate(created)
                .companyId(c.companyId())
                .locationId(c.locationId())
                .meta(new ChangeMeta(actor.isUser() ? actor.userId() : null, actor.sessionId(), 1))
                .metadata(r.metadata())
                .type(campaign ? MessageType.MARKETING : MessageType.TRANSACTIONAL)
                .text(r.text())
                .sendEmail(sendEmail)
                .emailSubject(r.emailSubject())
                .emailStatus(Boolean.TRUE.equals(sendEmail) ? DeliveryStatus.PENDING : null)
                .sendSms(sendSms)
                .smsStatus(Boolean.TRUE.equals(sendSms) ? DeliveryStatus.PENDING : null)
                .authorType(author)
                .origin(r.origin() == null ? MessageOrigin.WEB : r.origin())
                .isOrderShare(r.isOrderShare())
                .orderShareType(r.orderShareType())
                .customerId(c.customerId())
                .userId(actor.isUser() ? actor.userId() : null)
                .orderId(r.orderId())
                .orderNumber(r.orderNumber())
                .appointmentId(r.appointmentId())
                .vehicleId(r.vehicleId())
                .vendorId(r.vendorId())
                .shopRead(customer ? Boolean.FALSE : null)
                .internal(customer ? null : internal)
                .detached(r.detached())
                .conversationId(c.id())
                .locationReviewRequestId(r.locationReviewRequestId())
                .oneTimeCampaignId(r.oneTimeCampaignId())
                .automatedCampaignId(r.automatedCampaignId())
                .suggestedReply(r.suggestedReply())
                .suggestedReplyState(r.suggestedReplyState() == null ? SuggestedReplyState.NONE : r.suggestedReplyState())
                .requestAppointmentConfirmation(r.requestAppointmentConfirmation())
                .appointmentEvent(r.appointmentEvent())
                .avoidSMSQuietHours(r.avoidSMSQuietHours())
                .imported(r.imported())
                .emailId(r.emailId())
                .phoneNumberId(r.phoneNumberId())
                .files(r.files())
                .userColor(r.userColor())
                .clientMessageId(r.clientMessageId())
                .channel(channel(r, internal, sendEmail, sendSms))
                .direction(customer ? Direction.INBOUND : Direction.OUTBOUND)
                .emailDetails(r.emailDetails())
                .languageCode(r.languageCode())
                .isTranslated(r.isTranslated())
                .originalText(r.originalText())
                .build();
    }

    private static MessageChannel channel(NewMessage r, boolean internal, Boolean sendEmail, Boolean sendSms) {
        if (r.channel() != null) {
            return r.channel();
        }
        if (internal) {
            return MessageChannel.TYPE_INTERNAL_COMMENT;
        }
        if (r.origin() == MessageOrigin.SMS || Boolean.TRUE.equals(sendSms)) {
            return MessageChannel.TYPE_SMS;
        }
        if (r.origin() == MessageOrigin.EMAIL || Boolean.TRUE.equals(sendEmail)) {
            return MessageChannel.TYPE_EMAIL;
        }
        return null;
    }

    private static void replayOrConflict(StoreTransaction tx, MessageRow first, Message attempt) {
        Message existing = first.message();
        if (!replayKey(existing).equals(replayKey(attempt))) {
            throw ConflictException.exists("message", existing.id(), "clientMessageId " + attempt.clientMessageId()
                    + " was used for another message");
        }
        ConversationRow conversation = tx.findConversation(existing.conversationId()).orElse(null);
        throw new Replay(MessageViews.present(first, conversation, tx.shopAllReadSeq()));
    }

    /** The content of a create request as stored: what a retry must repeat to be the same create. */
    private static Message replayKey(Message m) {
        return m.toBuilder().id(null).createdDate(m.imported() ? m.createdDate() : null).updatedDate(null).meta(null)
                .shopRead(null).emailStatus(null).emailError(null).smsStatus(null).smsError(null)
                .emailDeliveries(null).smsDeliveries(null).deletion(null).build();
    }

    /** Rolls back a create that turned out to be a retry, carrying the first message out. */
    static final class Replay extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Message first;

        Replay(Message first) {
            super(null, null, false, false);
            this.first = first;
        }

        Message first() {
            return first;
        }
    }
}
