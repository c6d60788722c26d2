package dev.messaging;

import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Actor;
import dev.messaging.common.ChangeMeta;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationBuilder;
import dev.messaging.conversation.ConversationStatus;
import dev.messaging.conversation.NewConversation;
import dev.messaging.error.ConflictException;
import dev.messaging.error.ForbiddenException;
import dev.messaging.error.ValidationException;
import dev.messaging.kernel.Access;
import dev.messaging.kernel.Changes;
import dev.messaging.kernel.Engine;
import dev.messaging.kernel.JsonValues;
import dev.messaging.kernel.Validator;
import dev.messaging.message.AppointmentRef;
import dev.messaging.message.AuthorType;
import dev.messaging.message.Call;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.Direction;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.EmailOptions;
import dev.messaging.message.Message;
import dev.messaging.message.MessageChannel;
import dev.messaging.message.MessageFile;
import dev.messaging.message.MessageLinks;
import dev.messaging.message.MessageOrigin;
import dev.messaging.message.MessageType;
import dev.messaging.message.NewMessage;
import dev.messaging.message.OrderRef;
import dev.messaging.message.Send;
import dev.messaging.message.Sends;
import dev.messaging.outbox.MessageOutbox;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.CustomerMessageCounters;
import dev.messaging.spi.DuplicateIdException;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.StoreTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Creating a message inside a transaction: the defaults by author, the conversation it goes to
 * (created if the customer has none), its customer number and the conversation's counters and
 * summary, clientMessageId idempotency. Used by {@code Messages.create} and by the hotel API's
 * "create a conversation with its first message" ({@code Conversations.start}).
 */
final class MessageWrites {
    /** The message types of a phone call. */
    private static final Set<MessageChannel> CALL_TYPES = Set.of(MessageChannel.TYPE_CALL,
            MessageChannel.TYPE_CAMPAIGN_CALL, MessageChannel.TYPE_CAMPAIGN_MANUAL_CALL,
            MessageChannel.TYPE_CAMPAIGN_VOICEMAIL, MessageChannel.TYPE_IVR_CALL, MessageChannel.TYPE_CUSTOM_CALL);

    private final Engine engine;
    private final MessageOutbox outbox;
    private final Translating translation;

    MessageWrites(Engine engine, MessageOutbox outbox, Translating translation) {
        this.engine = engine;
        this.outbox = outbox;
        this.translation = translation;
    }

    /** A message created in a transaction, and whether it put a delivery in the outbox that waits to be sent. */
    record Created(Message message, boolean outboxWritten) {
    }

    /** Translates a customer's new message into the location's language, if a translator is plugged in. */
    NewMessage translate(Actor actor, NewMessage request) {
        if (translation == null || !actor.isCustomer()) {
            return request;
        }
        String from = request.translation().languageCode() != null ? request.translation().languageCode()
                : engine.read(actor, tx -> tx.findLiveConversation(actor.customerId()))
                        .map(row -> row.conversation().contact())
                        .map(contact -> contact.languageCode()).orElse(null);
        return translation.apply(actor.tenant(), request, from, engine.validator());
    }

    /** Creates {@code r} in its own transaction (see {@link #insert}), then wakes the delivery workers if it asked for a send. */
    Message create(Actor actor, NewMessage r) {
        Created created = engine.write(actor, tx -> {
            Created first = insert(tx, actor, r);
            Optional<String> help = outbox.helpReply(first.message());
            if (help.isEmpty()) {
                return first;
            }
            // a HELP keyword is answered in its own transaction: the answer exists if the question does
            Message question = first.message();
            Created answer = insert(tx, Actor.system(question.companyId(), question.locationId()),
                    NewMessage.builder().conversationId(question.conversationId()).text(help.get()).sendSms(true).build());
            return new Created(question, first.outboxWritten() || answer.outboxWritten());
        });
        committed(created);
        return created.message();
    }

    /** After the commit of {@code created}: wakes the idle delivery workers if it wrote a delivery to send. */
    void committed(Created created) {
        if (created.outboxWritten()) {
            outbox.wake();
        }
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
            r.sends().forEach((channel, send) -> v.absent(NewMessage.sendField(channel), send,
                    "is null for a Customer author"));
            v.absent("internal", r.internal(), "is null for a Customer author");
        }
        if (r.imported() && !actor.isSystem()) {
            throw new ForbiddenException("only the system may import history");
        }
        r.problems().forEach(problem -> v.add(problem.field(), problem.problem()));
        if (r.call().exists()) {
            validateCall(v, r);
            v.text("text", r.text());
        } else {
            v.requiredText("text", r.text());
        }
        boolean answers = r.emailOptions().details() != null && r.emailOptions().details().replyToMessageId() != null;
        if (r.customerId() == null && r.conversationId() == null && !answers && !actor.isCustomer()) {
            v.add("customerId", "is required (or a conversationId, or the emailDetails.replyToMessageId it answers)");
        }
        v.id("customerId", r.customerId());
        v.id("conversationId", r.conversationId());
        v.id("clientMessageId", r.clientMessageId());
        v.shortText("userColor", r.userColor());
        validateOrder(v, r.order());
        validateAppointment(v, r.appointment());
        validateLinks(v, r.links());
        v.text("suggestedReply", r.suggestedReply().text());
        v.shortText("languageCode", r.translation().languageCode());
        v.text("originalText", r.translation().originalText());
        ConversationRows.validateUsers(v, "mentions", r.mentions());
        if (!r.mentions().isEmpty() && !Boolean.TRUE.equals(r.internal())) {
            v.add("mentions", "name users in an internal note only");
        }
        for (DeliveryChannel channel : r.requestedSends()) {
            if (Boolean.TRUE.equals(r.internal())) {
                v.add(NewMessage.sendField(channel), "must be false for an internal note");
            } else if (!channel.reachesCustomers()) {
                v.add(NewMessage.sendField(channel), "must be false: " + channel + " is for staff notifications");
            }
        }
        if (r.createdDate() != null && !r.imported()) {
            v.add("createdDate", "may be set only on an imported message");
        }
        v.pastDate("createdDate", r.createdDate(), engine.now());
        validateSendAt(v, engine.now(), r);
        validateFiles(v, r.files());
        v.metadata("metadata", r.metadata());
        validateEmail(v, r.emailOptions());
        if (!v.hasErrors()) {
            MessageSize.check(v, r);
        }
        v.id("phoneNumberId", r.smsOptions().phoneNumberId());
        v.shortText("fromNumber", r.smsOptions().fromNumber());
        v.shortText("toNumber", r.smsOptions().toNumber());
        v.throwIfAny();
    }

    /** How far ahead a send may be scheduled. */
    static final Duration MAX_SCHEDULE = Duration.ofDays(365);

    /** A scheduled send: of a User's or System's live message that asks for one, after now, within a year. */
    private static void validateSendAt(Validator v, Instant now, NewMessage r) {
        if (r.sendAt() == null) {
            return;
        }
        if (r.requestedSends().isEmpty()) {
            v.add("sendAt", "schedules a send: set sendEmail, sendSms or another channel's send");
        } else if (r.imported()) {
            v.add("sendAt", "is not for an imported message");
        } else if (!r.sendAt().isAfter(now) || r.sendAt().isAfter(now.plus(MAX_SCHEDULE))) {
            v.add("sendAt", "must be after now and at most " + MAX_SCHEDULE.toDays() + " days ahead (" + now
                    + " to " + now.plus(MAX_SCHEDULE) + "), was " + r.sendAt() + "; leave it out to send now");
        }
    }

    private static void validateOrder(Validator v, OrderRef order) {
        v.id("orderId", order.orderId());
        v.shortText("orderNumber", order.orderNumber());
        if (order.isShare()) {
            if (!v.hasErrorOn("orderShareType")) {
                v.required("orderShareType", order.shareType());
            }
            if (order.orderId() == null) {
                v.add("orderId", "is required when isOrderShare is true");
            }
        }
    }

    private static void validateAppointment(Validator v, AppointmentRef appointment) {
        v.id("appointmentId", appointment.appointmentId());
        if (appointment.requestConfirmation()) {
            if (appointment.appointmentId() == null) {
                v.add("appointmentId", "is required when requestAppointmentConfirmation is true");
            }
            if (!v.hasErrorOn("appointmentEvent")) {
                v.required("appointmentEvent", appointment.event());
            }
        }
    }

    /** A call log: not sent, of a call type, its numbers short texts and its duration not negative. */
    private static void validateCall(Validator v, NewMessage r) {
        Call call = r.call();
        r.requestedSends().stream().findFirst()
                .ifPresent(channel -> v.add(NewMessage.sendField(channel), "must be false for a call log"));
        if (Boolean.TRUE.equals(r.internal())) {
            v.add("internal", "must be false for a call log");
        }
        if (r.channel() != null && r.channel().isKnown() && !CALL_TYPES.contains(r.channel())) {
            v.add("channel", "must be a call type for a call log, not " + r.channel().wireValue());
        }
        v.shortText("call.from", call.from());
        v.shortText("call.to", call.to());
        if (call.durationSeconds() != null && call.durationSeconds() < 0) {
            v.add("call.durationSeconds", "must not be negative");
        }
    }

    private static void validateLinks(Validator v, MessageLinks links) {
        v.id("vehicleId", links.vehicleId());
        v.id("vendorId", links.vendorId());
        v.id("locationReviewRequestId", links.locationReviewRequestId());
        v.id("oneTimeCampaignId", links.oneTimeCampaignId());
        v.id("automatedCampaignId", links.automatedCampaignId());
        v.id("templateId", links.templateId());
    }

    private static void validateFiles(Validator v, List<MessageFile> files) {
        v.atMost("files", files, v.limits().filesPerMessage(), "files");
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

    private static void validateEmail(Validator v, EmailOptions email) {
        v.shortText("emailSubject", email.subject());
        v.absent("emailEngagement", email.engagement(), "is the provider's to report (messages().recordEmailEngagement)");
        v.id("emailId", email.emailId());
        EmailDetails e = email.details();
        if (e == null) {
            return;
        }
        String p = "emailDetails.";
        for (String[] id : new String[][] {{"altId", e.altId()}, {"threadId", e.threadId()},
                {"replyToMessageId", e.replyToMessageId()}, {"conversationProviderId", e.conversationProviderId()}}) {
            v.id(p + id[0], id[1]);
        }
        for (String[] field : new String[][] {{"contentType", e.contentType()}, {"provider", e.provider()},
                {"from", e.from()}, {"source", e.source()}}) {
            v.shortText(p + field[0], field[1]);
        }
        v.document(p + "html", e.html());
        v.atMost(p + "attachments", e.attachments(), v.limits().recipients(), "attachments");
        int recipients = e.to().size() + e.cc().size() + e.bcc().size();
        if (recipients > v.limits().recipients()) {
            v.add(p + "to", "with cc and bcc has more than " + v.limits().recipients() + " addresses (" + recipients + ")");
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
    Created insert(StoreTransaction tx, Actor actor, NewMessage request) {
        NewMessage r = EmailThreads.joined(tx, request);
        ConversationRow conversation = resolveConversation(engine, tx, actor, r);
        Conversation c = conversation.conversation();
        Instant now = engine.now();
        MessageOutbox.Plan sends = outbox.plan(tx, build(engine, actor, r, c, now), now);
        Message message = sends.message();
        CustomerMessageCounters counters = conversation.counters();
        boolean fromCustomer = message.authorType() == AuthorType.CUSTOMER;
        int customerNumber = fromCustomer ? counters.customerCount() + 1 : 0;
        long seq = Changes.record(tx, actor, now, EntityType.MESSAGE, message.id(), 1, Operation.CREATE,
                c.customerId(), Changes.payload("conversationId", c.id(), "authorType",
                        message.authorType().wireValue(), "text", message.text())).sequence();
        Optional<MessageRow> first = insert(tx, new MessageRow(message, customerNumber, seq));
        if (first.isPresent()) {
            replayOrConflict(tx, first.get(), message);
        }
        boolean outboxWritten = outbox.write(tx, actor, sends, c, now);
        Conversation updated = ConversationRows.afterNewMessage(ConversationRows.isNewerThanSummary(c, message)
                ? ConversationRows.withSummary(c, message) : c, message);
        if (fromCustomer) {
            counters = counters.afterCustomerMessage(customerNumber, seq);
            ConversationBuilder woken = updated.toBuilder().archived(false);
            if (updated.status() == ConversationStatus.SNOOZED) {
                woken.status(ConversationStatus.OPEN).snoozedUntil(null);
            }
            updated = woken.build();
        }
        ConversationRows.saveDerived(tx, new ConversationRow(updated, counters));
        // as built: a new customer message is unread by the shop (its number and feed sequence are
        // past every read horizon), so presenting it needs no read of the shop's horizons
        return new Created(message, outboxWritten);
    }

    /** Inserts a message row; a taken id is a conflict (see {@link StoreTransaction#insertMessage}). */
    static Optional<MessageRow> insert(StoreTransaction tx, MessageRow row) {
        try {
            return tx.insertMessage(row);
        } catch (DuplicateIdException e) {
            throw e.asConflict("message");
        }
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

    /** The message {@code r} of {@code actor} as stored in {@code c}, with the defaults by author (validated before). */
    static Message build(Engine engine, Actor actor, NewMessage r, Conversation c, Instant now) {
        AuthorType author = switch (actor.kind()) {
            case CUSTOMER -> AuthorType.CUSTOMER;
            case USER -> AuthorType.USER;
            case SYSTEM -> AuthorType.SYSTEM;
        };
        boolean customer = author == AuthorType.CUSTOMER;
        boolean internal = !customer && Boolean.TRUE.equals(r.internal());
        Sends sends = customer ? Sends.NONE : sendsOf(r);
        Instant created = r.imported() && r.createdDate() != null ? r.createdDate().truncatedTo(ChronoUnit.MILLIS)
                : after(c.lastMessageDate(), now);
        return Message.builder()
                .id(engine.newId())
                .createdDate(created)
                .companyId(c.companyId())
                .locationId(c.locationId())
                .meta(ChangeMeta.first(actor.isUser() ? actor.userId() : null, actor.sessionId()))
                .conversationId(c.id())
                .customerId(c.customerId())
                .authorType(author)
                .userId(actor.isUser() ? actor.userId() : null)
                .userColor(r.userColor())
                .text(r.text() == null && r.call().exists() ? r.call().summary() : r.text())
                .type(r.links().fromCampaign() ? MessageType.MARKETING : MessageType.TRANSACTIONAL)
                .origin(r.origin() == null ? MessageOrigin.WEB : r.origin())
                .channel(channel(r, internal, sends))
                .direction(customer ? Direction.INBOUND : Direction.OUTBOUND)
                .shopRead(customer ? Boolean.FALSE : null)
                .internal(customer ? null : internal)
                .detached(r.detached())
                .imported(r.imported())
                .clientMessageId(r.clientMessageId())
                .sendAt(r.sendAt() == null ? null : r.sendAt().truncatedTo(ChronoUnit.MILLIS))
                .sends(sends)
                .emailOptions(r.emailOptions())
                .smsOptions(r.smsOptions())
                .order(r.order())
                .appointment(r.appointment())
                .links(r.links())
                .suggestedReply(r.suggestedReply())
                .translation(r.translation())
                .call(r.call())
                .consentCategoryId(r.consentCategoryId())
                .mentions(r.mentions().stream().distinct().toList())
                .files(r.files())
                .metadata(JsonValues.copy(r.metadata()))
                .build();
    }

    /**
     * The creation time of a new message: now, or just after the conversation's newest message if
     * the clock reads earlier (it stepped back, or another instance's clock is behind), so that a
     * conversation's messages are dated in the order they were written and its summary, its list
     * and the inbox agree on which is newest.
     */
    static Instant after(Instant newest, Instant now) {
        return newest != null && !now.isAfter(newest) ? newest.plusMillis(1) : now;
    }

    /**
     * The sends a user's or the system's request asks about: each channel it names, and email and
     * SMS always (the reference's {@code sendEmail} and {@code sendSms} are false, not null, when unsaid).
     */
    private static Sends sendsOf(NewMessage r) {
        Map<DeliveryChannel, Send> sends = new EnumMap<>(DeliveryChannel.class);
        sends.put(DeliveryChannel.EMAIL, Send.requested(false));
        sends.put(DeliveryChannel.SMS, Send.requested(false));
        r.sends().forEach((channel, send) -> sends.put(channel, Send.requested(send)));
        return Sends.of(sends);
    }

    private static MessageChannel channel(NewMessage r, boolean internal, Sends sends) {
        if (r.channel() != null) {
            return r.channel();
        }
        if (r.call().exists()) {
            return MessageChannel.TYPE_CALL;
        }
        if (internal) {
            return MessageChannel.TYPE_INTERNAL_COMMENT;
        }
        if (r.origin() == MessageOrigin.SMS || sends.of(DeliveryChannel.SMS).isRequested()) {
            return MessageChannel.TYPE_SMS;
        }
        if (r.origin() == MessageOrigin.EMAIL) {
            return MessageChannel.TYPE_EMAIL;
        }
        return sends.requested().stream().findFirst().flatMap(MessageChannel::primaryOf).orElse(null);
    }

    private static void replayOrConflict(StoreTransaction tx, MessageRow first, Message attempt) {
        conflictUnlessSame(first.message(), attempt);
        ConversationRow conversation = tx.findConversation(first.message().conversationId()).orElse(null);
        throw new Replay(MessageViews.present(first, conversation, tx.shopAllReadSeq()));
    }

    /** A second create with {@code existing}'s clientMessageId must repeat its content: else a conflict naming it. */
    static void conflictUnlessSame(Message existing, Message attempt) {
        if (!replayKey(existing).equals(replayKey(attempt))) {
            throw ConflictException.of(ConflictException.Reason.CLIENT_MESSAGE_ID_REUSED, "message", existing.id(),
                    "clientMessageId " + attempt.clientMessageId() + " was used for another message");
        }
    }

    /** The content of a create request as stored: what a retry must repeat to be the same create. */
    private static Message replayKey(Message m) {
        return m.toBuilder().id(null).createdDate(m.imported() ? m.createdDate() : null).updatedDate(null).meta(null)
                .shopRead(null).sends(m.sends().asRequested()).deletion(null).build();
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
