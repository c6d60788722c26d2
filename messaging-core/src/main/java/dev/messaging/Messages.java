package dev.messaging;

import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Actor;
import dev.messaging.common.Deletion;
import dev.messaging.common.Page;
import dev.messaging.conversation.Conversation;
import dev.messaging.delivery.Delivery;
import dev.messaging.error.NotFoundException;
import dev.messaging.error.ValidationException;
import dev.messaging.kernel.Access;
import dev.messaging.kernel.Changes;
import dev.messaging.kernel.Cursors;
import dev.messaging.kernel.Engine;
import dev.messaging.kernel.Validator;
import dev.messaging.message.DeliveryUpdate;
import dev.messaging.message.EmailEngagement;
import dev.messaging.message.Message;
import dev.messaging.message.MessageChannel;
import dev.messaging.message.MessageExport;
import dev.messaging.message.MessageQuery;
import dev.messaging.message.NewMessage;
import dev.messaging.outbox.MessageOutbox;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.CustomerMessageCounters;
import dev.messaging.spi.MessageListSpec;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.PagePosition;
import dev.messaging.spi.StoreTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

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
    private final MessageWrites writes;
    private final MessageOutbox outbox;

    Messages(Engine engine, MessageWrites writes, MessageOutbox outbox) {
        this.engine = engine;
        this.writes = writes;
        this.outbox = outbox;
    }

    /**
     * Creates a message in the customer's live conversation (created if there is none) or in the
     * given {@code conversationId}. A retry with the same {@code clientMessageId} and content
     * returns the first message; other content with it is a conflict naming the first message.
     */
    public Message create(Actor actor, NewMessage request) {
        MessageWrites.validate(engine, actor, request);
        NewMessage translated = writes.translate(actor, request);
        try {
            return writes.create(actor, translated);
        } catch (MessageWrites.Replay replay) {
            return replay.first();
        }
    }

    /** The message, deleted or not; empty when the tenant has no such id. */
    public Optional<Message> find(Actor actor, String id) {
        engine.requireTargetId("id", id);
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
        String filters = "messages|" + conversationId + "|" + query.withDeleted()
                + (query.types().isEmpty() ? "" : "|" + query.types().stream().map(MessageChannel::wireValue).sorted()
                        .toList());
        PagePosition after = Cursors.decode(v, "after", query.after(), filters);
        PagePosition before = Cursors.decode(v, "before", query.before(), filters);
        if (query.after() != null && query.before() != null) {
            v.add("before", "cannot be combined with after");
        }
        v.throwIfAny();
        return engine.read(actor, tx -> {
            ConversationRow conversation = tx.findConversation(conversationId)
                    .orElseThrow(() -> new NotFoundException("conversation", conversationId));
            Access.requireOwnConversation(actor, conversation.conversation().customerId());
            List<MessageRow> rows = query.types().isEmpty()
                    ? new ArrayList<>(tx.listMessages(new MessageListSpec(conversationId, after, before,
                            query.withDeleted(), limit + 1)))
                    : ofTypes(tx, new MessageListSpec(conversationId, after, before, query.withDeleted(), limit + 1),
                            query.types());
            boolean hasMore = rows.size() > limit;
            if (hasMore) {
                rows.remove(before != null ? 0 : rows.size() - 1);
            }
            long shopAllRead = tx.shopAllReadSeq();
            List<Message> messages = rows.stream()
                    .map(row -> MessageViews.present(row, conversation, shopAllRead)).toList();
            return Cursors.page(messages, hasMore, before != null, m -> new PagePosition(m.createdDate(), m.id()),
                    filters, null);
        });
    }

    /**
     * A page of the location's live messages across its conversations (LeadConnector's message
     * export), filtered by creation date range, customer and types; users and the system only.
     * Paged in message id order (ids the library generates are time-ordered; imported ones sort
     * where their ids fall), resumed with a page's cursor. Cost: an index range read per page from
     * the cursor; the date range and type filters are applied while reading, so a page of a narrow
     * filter reads the messages it skips. Invalid limits, dates or cursors are a validation error
     * naming the field.
     */
    public Page<Message> export(Actor actor, MessageExport query) {
        return MessageExports.page(engine, actor, query);
    }

    /** Rows read in a batch while looking for messages of some types. */
    private static final int TYPE_BATCH = 200;

    /**
     * Up to {@code spec.limit()} rows of {@code types} in the window of {@code spec}, oldest first:
     * the conversation's rows read in batches of {@value #TYPE_BATCH} from the window's edge until
     * that many match or none are left.
     */
    private static List<MessageRow> ofTypes(StoreTransaction tx, MessageListSpec spec, Set<MessageChannel> types) {
        boolean backward = spec.before() != null;
        List<MessageRow> found = new ArrayList<>();
        PagePosition after = spec.after();
        PagePosition before = spec.before();
        while (true) {
            List<MessageRow> batch = tx.listMessages(new MessageListSpec(spec.conversationId(), after, before,
                    spec.includeDeleted(), TYPE_BATCH));
            List<MessageRow> matching = batch.stream()
                    .filter(r -> r.message().channel() != null && types.contains(r.message().channel())).toList();
            found.addAll(backward ? 0 : found.size(), matching);
            if (found.size() >= spec.limit() || batch.size() < TYPE_BATCH) {
                break;
            }
            MessageRow edge = backward ? batch.get(0) : batch.get(batch.size() - 1);
            PagePosition at = new PagePosition(edge.message().createdDate(), edge.message().id());
            if (backward) {
                before = at;
            } else {
                after = at;
            }
        }
        return new ArrayList<>(backward ? found.subList(Math.max(0, found.size() - spec.limit()), found.size())
                : found.subList(0, Math.min(found.size(), spec.limit())));
    }

    /**
     * Records a provider's delivery report on a message's email or SMS (the Shopmonkey shape of
     * {@code deliveries().report}, by message id). It goes through the outbox like every change of a
     * send: the send's delivery moves with it, so a send reported Delivered, Error or Canceled is not
     * handed to a sender again. The status moves only forward; a stale report is ignored (the
     * message comes back unchanged) and Error is final. Only the system reports (a
     * {@code ForbiddenException} for anyone else: users cancel through {@code deliveries().cancel}).
     */
    public Message updateDelivery(Actor actor, String messageId, DeliveryUpdate update) {
        Access.requireSystem(actor, "report a provider's delivery status");
        Validator v = engine.validator();
        v.requiredId("messageId", messageId);
        v.required("update", update);
        v.throwIfAny();
        v.required("channel", update.channel());
        v.required("status", update.status());
        v.text("error", update.error());
        v.throwIfAny();
        Instant now = engine.now();
        return outbox.retrying(actor, tx -> {
            MessageRow row = load(tx, messageId);
            Message m = row.message();
            if (!m.sends().of(update.channel()).isRequested()) {
                throw ValidationException.of("channel", "message " + m.id() + " was not sent by "
                        + update.channel().name().toLowerCase(Locale.ROOT));
            }
            Message moved = outbox.report(tx, actor, row, update.channel(), update.status(), update.error(), now);
            return moved == m ? present(tx, row) : present(tx, row.with(moved));
        });
    }

    /**
     * Records what became of a message's email as its provider counts it (LeadConnector v3's email
     * status update): the counters replace the ones recorded, each recipient's status replaces its
     * older one. Only the system records it; a message not sent by email is a validation error on
     * {@code messageId}. The email's delivery status moves only by {@link #updateDelivery}.
     */
    public Message recordEmailEngagement(Actor actor, String messageId, EmailEngagement engagement) {
        Access.requireSystem(actor, "record an email's engagement");
        Validator v = engine.validator();
        v.requiredId("messageId", messageId);
        v.required("engagement", engagement);
        v.throwIfAny();
        int[] counters = {engagement.delivered(), engagement.opened(), engagement.clicked(), engagement.replied(),
                engagement.failed(), engagement.accepted(), engagement.rejected(), engagement.unsubscribed(),
                engagement.complained(), engagement.stored()};
        if (Arrays.stream(counters).anyMatch(c -> c < 0)) {
            v.add("engagement", "counters must not be negative");
        }
        v.atMost("engagement.recipients", engagement.recipients(), v.limits().recipients(), "recipients");
        for (int i = 0; i < engagement.recipients().size(); i++) {
            EmailEngagement.RecipientStatus r = engagement.recipients().get(i);
            v.required("engagement.recipients[" + i + "].address", r.address());
            v.shortText("engagement.recipients[" + i + "].address", r.address());
            v.required("engagement.recipients[" + i + "].status", r.status());
            v.shortText("engagement.recipients[" + i + "].failReason", r.failReason());
        }
        v.throwIfAny();
        Instant now = engine.now();
        return engine.write(actor, tx -> {
            MessageRow row = load(tx, messageId);
            Message m = row.message();
            if (!m.email().isRequested()) {
                throw ValidationException.of("messageId", "message " + m.id() + " was not sent by email");
            }
            EmailEngagement before = m.emailOptions().engagement();
            EmailEngagement after = before == null ? EmailEngagement.NONE.updatedBy(engagement)
                    : before.updatedBy(engagement);
            Message changed = bump(m.toBuilder().emailOptions(m.emailOptions().withEngagement(after)).build(), actor,
                    now);
            Message saved = save(tx, actor, now, row, changed, Operation.UPDATE, Map.of("channel", "EMAIL"));
            return present(tx, row.with(saved));
        });
    }

    /**
     * Changes the text of a message whose sends are scheduled and not yet claimed; only its author
     * may, and a send that is claimed, sent or canceled makes it a conflict.
     */
    public Message editScheduled(Actor actor, String messageId, String text) {
        Access.requireUserOrSystem(actor, "edit scheduled messages");
        Validator v = engine.validator();
        v.requiredId("messageId", messageId);
        v.requiredText("text", text);
        v.throwIfAny();
        return outbox.changeScheduled(actor, messageId, (tx, scheduled, now) -> {
            for (Delivery send : scheduled.sends()) {
                // Holds each send against a claim racing this edit: one of the two wins.
                outbox.hold(tx, send, now);
            }
            MessageRow row = scheduled.row();
            Message changed = bump(row.message().toBuilder().text(text).build(), actor, now);
            Message saved = save(tx, actor, now, row, changed, Operation.UPDATE, Map.of("text", text));
            ConversationRow conversation = tx.findConversation(saved.conversationId()).orElseThrow();
            if (saved.id().equals(conversation.conversation().lastMessageId())) {
                ConversationRows.saveDerived(tx, conversation.with(
                        ConversationRows.withSummary(conversation.conversation(), saved)));
            }
            return saved;
        });
    }

    /** Soft-deletes a message: it leaves lists, summaries and unread counts; find still returns it. */
    public Message delete(Actor actor, String id, String reason) {
        Access.requireUser(actor, "delete messages");
        Validator v = engine.validator();
        v.requiredId("id", id);
        v.shortText("deletedReason", reason);
        v.throwIfAny();
        return changeDeletion(actor, id, new Deletion(actor.userId(), engine.now(), reason));
    }

    /** Restores a deleted message into its conversation's lists, summary and unread counts. */
    public Message restore(Actor actor, String id) {
        Access.requireUser(actor, "restore messages");
        engine.requireTargetId("id", id);
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
        if (row.customerNumber() != c.lastLiveCustomerNumber()) {
            return c.afterDelete(c.lastLiveCustomerNumber(), c.lastLiveCustomerFeedSeq());
        }
        Optional<MessageRow> newest = tx.newestLiveCustomerMessage(row.message().conversationId());
        return c.afterDelete(newest.map(MessageRow::customerNumber).orElse(0), newest.map(MessageRow::feedSeq).orElse(0L));
    }

    private static CustomerMessageCounters afterRestore(CustomerMessageCounters c, MessageRow row) {
        return c.afterRestore(row.customerNumber(), row.feedSeq());
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
        if (!tx.updateMessage(row, row.with(changed))) {
            throw new IllegalStateException("message " + row.id() + " changed inside a serialized transaction");
        }
        return changed;
    }
}
