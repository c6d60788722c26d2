package dev.messaging.message;

import dev.messaging.Actor;
import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.ChangeMeta;
import dev.messaging.common.Deletion;
import dev.messaging.common.Page;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationStatus;
import dev.messaging.conversation.NewConversation;
import dev.messaging.error.ConflictException;
import dev.messaging.error.ForbiddenException;
import dev.messaging.error.NotFoundException;
import dev.messaging.error.ValidationException;
import dev.messaging.internal.Access;
import dev.messaging.internal.Changes;
import dev.messaging.internal.ConversationRows;
import dev.messaging.internal.Cursors;
import dev.messaging.internal.Engine;
import dev.messaging.internal.MessageViews;
import dev.messaging.internal.Validator;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.CustomerMessageCounters;
import dev.messaging.spi.InboxPosition;
import dev.messaging.spi.MessageListSpec;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.StoreTransaction;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Messages: create (with the defaults of the reference docs, clientMessageId idempotency and
 * history import), find, list, delivery updates, delete and restore.
 *
 * <p>Defaults by author: a Customer's message has null {@code sendEmail}, {@code sendSms} and
 * {@code internal} and is unread by the shop; a User's or System's has null {@code shopRead},
 * {@code internal} false, send flags false unless set, and {@code emailStatus}/{@code smsStatus}
 * Pending when the matching flag is true. {@code type} is Marketing when a campaign id is set.
 * An internal note is never sent and never unread. The channel defaults from the origin or the
 * send flags, the direction from the author.
 */
public final class Messages {
    private static final String ENTITY = "message";
    private final Engine engine;

    public Messages(Engine engine) {
        this.engine = engine;
    }

    /**
     * Creates a message in the customer's live conversation (created if there is none) or in the
     * given {@code conversationId}. A retry with the same {@code clientMessageId} and content
     * returns the first message; other content with it is a conflict naming the first message.
     */
    public Message create(Actor actor, NewMessage request) {
        validate(actor, request);
        try {
            return engine.write(actor, tx -> insert(tx, actor, request));
        } catch (Replay replay) {
            return replay.first;
        }
    }

    private void validate(Actor actor, NewMessage r) {
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

    private Message insert(StoreTransaction tx, Actor actor, NewMessage r) {
        ConversationRow conversation = resolveConversation(tx, actor, r);
        Conversation c = conversation.conversation();
        Instant now = engine.now();
        Message message = build(actor, r, c, now);
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

    private ConversationRow resolveConversation(StoreTransaction tx, Actor actor, NewMessage r) {
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

    private Message build(Actor actor, NewMessage r, Conversation c, Instant now) {
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
            throw ConflictException.exists(ENTITY, existing.id(), "clientMessageId " + attempt.clientMessageId()
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
    private static final class Replay extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Message first;

        Replay(Message first) {
            super(null, null, false, false);
            this.first = first;
        }
    }

    /** The message, deleted or not; empty when the tenant has no such id. */
    public Optional<Message> find(Actor actor, String id) {
        return engine.read(actor, tx -> tx.findMessage(id).map(row -> {
            Access.requireOwnConversation(actor, row.message().customerId());
            return present(tx, row);
        }));
    }

    private static Message present(StoreTransaction tx, MessageRow row) {
        return MessageViews.present(row, tx.findConversation(row.message().conversationId()).orElse(null),
                tx.shopAllReadSeq());
    }

    /** A conversation's messages, oldest first, keyset-paged both ways (see {@link MessageQuery}). */
    public Page<Message> list(Actor actor, String conversationId, MessageQuery query) {
        Validator v = engine.validator();
        v.requiredId("conversationId", conversationId);
        v.required("query", query);
        v.throwIfAny();
        int limit = v.limit("limit", query.limit(), 50);
        String filters = "messages|" + conversationId + "|" + query.withDeleted();
        InboxPosition after = Cursors.decode(v, "after", query.after(), filters);
        InboxPosition before = Cursors.decode(v, "before", query.before(), filters);
        if (query.after() != null && query.before() != null) {
            v.add("before", "cannot be combined with after");
        }
        v.throwIfAny();
        return engine.read(actor, tx -> {
            ConversationRow conversation = tx.findConversation(conversationId)
                    .orElseThrow(() -> new NotFoundException("conversation", conversationId));
            Access.requireOwnConversation(actor, conversation.conversation().customerId());
            List<MessageRow> rows = new ArrayList<>(tx.listMessages(
                    new MessageListSpec(conversationId, after, before, query.withDeleted(), limit + 1)));
            boolean hasMore = rows.size() > limit;
            if (hasMore) {
                rows.remove(before != null ? 0 : rows.size() - 1);
            }
            long shopAllRead = tx.shopAllReadSeq();
            List<Message> messages = rows.stream()
                    .map(row -> MessageViews.present(row, conversation, shopAllRead)).toList();
            String next = null;
            if (hasMore) {
                Message edge = before != null ? messages.get(0) : messages.get(messages.size() - 1);
                next = Cursors.encode(new InboxPosition(edge.createdDate(), edge.id()), filters);
            }
            return new Page<>(messages, hasMore, next, null);
        });
    }

    /**
     * Records a provider's delivery report. The status moves only forward; a stale report is
     * ignored (the message comes back unchanged) and Error is final. Each accepted report is
     * appended to the channel's delivery history.
     */
    public Message updateDelivery(Actor actor, String messageId, DeliveryUpdate update) {
        Access.requireUserOrSystem(actor, "update delivery status");
        Validator v = engine.validator();
        v.required("update", update);
        v.throwIfAny();
        v.required("channel", update.channel());
        v.required("status", update.status());
        v.text("error", update.error());
        v.throwIfAny();
        Instant now = engine.now();
        return engine.write(actor, tx -> {
            MessageRow row = load(tx, messageId);
            Message m = row.message();
            boolean email = update.channel() == DeliveryChannel.EMAIL;
            if (!Boolean.TRUE.equals(email ? m.sendEmail() : m.sendSms())) {
                throw ValidationException.of("channel", "message " + m.id() + " was not sent by "
                        + update.channel().name().toLowerCase(java.util.Locale.ROOT));
            }
            DeliveryStatus current = email ? m.emailStatus() : m.smsStatus();
            if (current != null && !current.canMoveTo(update.status())) {
                return present(tx, row);
            }
            Delivery delivery = new Delivery(update.status(), now, update.error());
            Message.Builder b = m.toBuilder();
            if (email) {
                b.emailStatus(update.status()).emailError(update.error())
                        .emailDeliveries(append(m.emailDeliveries(), delivery));
            } else {
                b.smsStatus(update.status()).smsError(update.error())
                        .smsDeliveries(append(m.smsDeliveries(), delivery));
            }
            Message changed = bump(b.build(), actor, now);
            return save(tx, actor, now, row, changed, Operation.DELIVERY,
                    Changes.payload("channel", update.channel().name(), "status", update.status().wireValue()));
        });
    }

    private static List<Delivery> append(List<Delivery> history, Delivery delivery) {
        List<Delivery> all = new ArrayList<>(history);
        all.add(delivery);
        return all;
    }

    /** Soft-deletes a message: it leaves lists, summaries and unread counts; find still returns it. */
    public Message delete(Actor actor, String id, String reason) {
        Access.requireUser(actor, "delete messages");
        Validator v = engine.validator();
        v.shortText("deletedReason", reason);
        v.throwIfAny();
        return changeDeletion(actor, id, new Deletion(actor.userId(), engine.now(), reason));
    }

    /** Restores a deleted message into its conversation's lists, summary and unread counts. */
    public Message restore(Actor actor, String id) {
        Access.requireUser(actor, "restore messages");
        return changeDeletion(actor, id, null);
    }

    private Message changeDeletion(Actor actor, String id, Deletion deletion) {
        Instant now = engine.now();
        return engine.write(actor, tx -> {
            MessageRow row = load(tx, id);
            Message m = row.message();
            if (m.deleted() == (deletion != null)) {
                return present(tx, row);
            }
            Message changed = bump(m.toBuilder().deletion(deletion).build(), actor, now);
            Message saved = save(tx, actor, now, row, changed, deletion == null ? Operation.RESTORE : Operation.DELETE,
                    Map.of());
            ConversationRow conversation = tx.findConversation(m.conversationId()).orElseThrow();
            Conversation c = ConversationRows.refreshSummary(tx, conversation.conversation());
            CustomerMessageCounters counters = conversation.counters();
            if (row.customerNumber() > 0) {
                counters = deletion != null ? afterDelete(tx, counters, row) : afterRestore(counters, row);
            }
            ConversationRow updated = new ConversationRow(c, counters);
            ConversationRows.saveDerived(tx, updated);
            return MessageViews.present(row.with(saved), updated, tx.shopAllReadSeq());
        });
    }

    private static CustomerMessageCounters afterDelete(StoreTransaction tx, CustomerMessageCounters c, MessageRow row) {
        int lastLive = c.lastLiveCustomerNumber();
        long lastLiveSeq = c.lastLiveCustomerFeedSeq();
        if (row.customerNumber() == lastLive) {
            Optional<MessageRow> newest = tx.newestLiveCustomerMessage(row.message().conversationId());
            lastLive = newest.map(MessageRow::customerNumber).orElse(0);
            lastLiveSeq = newest.map(MessageRow::feedSeq).orElse(0L);
        }
        return new CustomerMessageCounters(c.customerCount(), c.deletedCustomerCount() + 1, lastLive, lastLiveSeq,
                c.lastCustomerFeedSeq(), c.shopReadNumber());
    }

    private static CustomerMessageCounters afterRestore(CustomerMessageCounters c, MessageRow row) {
        boolean newest = row.customerNumber() > c.lastLiveCustomerNumber();
        return new CustomerMessageCounters(c.customerCount(), c.deletedCustomerCount() - 1,
                newest ? row.customerNumber() : c.lastLiveCustomerNumber(),
                newest ? row.feedSeq() : c.lastLiveCustomerFeedSeq(), c.lastCustomerFeedSeq(), c.shopReadNumber());
    }

    private static MessageRow load(StoreTransaction tx, String id) {
        return tx.findMessage(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    private static Message bump(Message m, Actor actor, Instant now) {
        return m.toBuilder().meta(m.meta().next(actor.isUser() ? actor.userId() : null, actor.sessionId()))
                .updatedDate(now).build();
    }

    private static Message save(StoreTransaction tx, Actor actor, Instant now, MessageRow row, Message changed,
            Operation operation, Map<String, String> payload) {
        Changes.record(tx, actor, now, EntityType.MESSAGE, changed.id(), changed.version(), operation,
                changed.customerId(), payload);
        if (!tx.updateMessage(row.with(changed), row.message().version())) {
            throw new IllegalStateException("message " + row.id() + " changed inside a serialized transaction");
        }
        return changed;
    }
}
