package dev.messaging.outbox;

import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Actor;
import dev.messaging.conversation.Conversation;
import dev.messaging.delivery.Consent;
import dev.messaging.delivery.ConsentCategory;
import dev.messaging.delivery.Delivery;
import dev.messaging.delivery.DeliveryBuilder;
import dev.messaging.delivery.DeliveryPurpose;
import dev.messaging.delivery.LocationSettings;
import dev.messaging.delivery.RetryPolicy;
import dev.messaging.error.ConflictException;
import dev.messaging.error.ForbiddenException;
import dev.messaging.error.NotFoundException;
import dev.messaging.kernel.Changes;
import dev.messaging.kernel.Engine;
import dev.messaging.kernel.Generation;
import dev.messaging.kernel.TimeOrderedIds;
import dev.messaging.message.AddressKind;
import dev.messaging.message.AuthorType;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.Message;
import dev.messaging.message.MessageOrigin;
import dev.messaging.message.Send;
import dev.messaging.message.SendStep;
import dev.messaging.message.Sends;
import dev.messaging.notification.NotificationConfig;
import dev.messaging.spi.DuplicateIdException;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.StoreTransaction;
import dev.messaging.spi.ThreadRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The outbox rules: which deliveries a new message writes (in its transaction), when each is due,
 * and what a sender's outcome or a provider's report does to a delivery and to its message.
 *
 * <ul>
 * <li>A User's or System's message writes one delivery per send it asks for (not an internal note,
 *     not an imported message), due now or at its {@code sendAt} (Scheduled then), an SMS that
 *     avoids quiet hours moved to the end of the location's quiet window. A channel the customer
 *     unsubscribed from ends at once as OptOut: never sent, and the create still succeeds.</li>
 * <li>A Customer's message notifies the conversation's assignee, or, when there is none, every
 *     user who has a thread of the conversation (a user who ever read, archived, starred or muted
 *     it); never a user who muted the conversation; one delivery per channel the user's
 *     notification config enables (email, SMS, in-app). An SMS that is a stop keyword unsubscribes
 *     the customer from SMS (a start keyword subscribes again) in the same transaction.</li>
 * <li>Outcome: Sent stores the provider's id and moves the message's send to Sent; a retry waits
 *     by the {@link dev.messaging.delivery.RetryPolicy}; a failure, or attempts exhausted, ends in
 *     Error with the reason. A provider's later report moves the status only forward.</li>
 * </ul>
 */
final class Outbox implements MessageOutbox {
    private static final TimeOrderedIds DELIVERY_KEYS = new TimeOrderedIds();
    private final Engine engine;
    private final RetryPolicy retryPolicy;
    private final Set<String> stopKeywords;
    private final Set<String> startKeywords;
    /** What an inbound HELP is answered with, or null: no answer. */
    private final String helpReply;
    /** Moved when deliveries may be due: idle workers wait on it. */
    private final Generation due = new Generation();

    Outbox(Engine engine, RetryPolicy retryPolicy, Set<String> stopKeywords, Set<String> startKeywords,
            String helpReply) {
        this.helpReply = helpReply;
        this.engine = engine;
        this.retryPolicy = retryPolicy;
        this.stopKeywords = stopKeywords;
        this.startKeywords = startKeywords;
        engine.onCommit((tenant, outbox) -> {
            if (outbox) {
                due.advance();
            }
        });
    }

    Engine engine() {
        return engine;
    }

    RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    Generation due() {
        return due;
    }

    @Override
    public void wake() {
        due.advance();
    }

    @Override
    public boolean write(StoreTransaction tx, Actor actor, Plan plan, Conversation conversation, Instant now) {
        boolean waiting = write(tx, plan.deliveries());
        return write(tx, afterCustomerMessage(tx, actor, plan.message(), conversation, now)) || waiting;
    }

    @Override
    public void hold(StoreTransaction tx, Delivery send, Instant now) {
        saveDelivery(tx, send, send.with(b -> b.updatedDate(now)));
    }

    @Override
    public Plan plan(StoreTransaction tx, Message message, Instant now) {
        ConsentCategory category = ConsentCategories.of(tx, message);
        if (message.imported() || message.authorType() == AuthorType.CUSTOMER) {
            return new Plan(message, List.of());
        }
        List<Delivery> tasks = new ArrayList<>();
        Map<String, Consent> consent = new HashMap<>();
        List<DeliveryChannel> requested = message.sends().requested();
        for (Consent c : requested.isEmpty() ? List.<Consent>of() : tx.outbox().consentsOf(message.customerId())) {
            consent.put(ConsentCategories.key(c.channel(), c.categoryId()), c);
        }
        Sends planned = message.sends();
        for (DeliveryChannel channel : requested) {
            Send send = message.sends().of(channel);
            DeliveryStatus status;
            Instant due = message.sendAt() != null ? message.sendAt() : now;
            String optedOut = ConsentCategories.optedOut(consent, channel, category);
            if (optedOut != null) {
                status = DeliveryStatus.OPT_OUT;
            } else {
                status = message.sendAt() != null ? DeliveryStatus.SCHEDULED : DeliveryStatus.PENDING;
                if (avoidsQuietHours(message, channel)) {
                    due = outsideQuietHours(due, settings(tx));
                }
            }
            tasks.add(task(message, DeliveryPurpose.MESSAGE, channel, null, status, due, now));
            Send started = status == DeliveryStatus.PENDING ? send
                    : new Send(send.requested(), status, status == DeliveryStatus.OPT_OUT ? optedOut : null,
                            List.of(new SendStep(status, now, null)));
            planned = planned.with(channel, started);
        }
        return new Plan(planned.equals(message.sends()) ? message : message.toBuilder().sends(planned).build(), tasks);
    }

    /**
     * The notifications of a new customer message (see the class comment), and its stop or start
     * keyword.
     */
    private List<Delivery> afterCustomerMessage(StoreTransaction tx, Actor actor, Message message, Conversation c,
            Instant now) {
        if (message.imported() || message.authorType() != AuthorType.CUSTOMER) {
            return List.of();
        }
        applyKeyword(tx, actor, message, now);
        List<ThreadRow> threads = c.assignedTo() != null
                ? tx.findThread(c.id(), c.assignedTo()).map(List::of).orElse(List.of()) : tx.threadsOf(c.id());
        Set<String> recipients = new LinkedHashSet<>();
        if (c.assignedTo() != null) {
            recipients.add(c.assignedTo());
        } else {
            threads.forEach(thread -> recipients.add(thread.userId()));
        }
        threads.stream().filter(ThreadRow::muted).forEach(thread -> recipients.remove(thread.userId()));
        List<Delivery> tasks = new ArrayList<>();
        if (recipients.isEmpty()) {
            return tasks;
        }
        Map<String, NotificationConfig> configs = new HashMap<>();
        tx.findNotificationConfigs(List.copyOf(recipients)).forEach(config -> configs.put(config.userId(), config));
        for (String userId : recipients) {
            NotificationConfig config = configs.getOrDefault(userId, NotificationConfig.defaults(userId));
            for (DeliveryChannel channel : config.channels()) {
                tasks.add(task(message, DeliveryPurpose.NOTIFICATION, channel, userId, DeliveryStatus.PENDING, now,
                        now));
            }
        }
        return tasks;
    }

    private Delivery task(Message message, DeliveryPurpose purpose, DeliveryChannel channel, String recipient,
            DeliveryStatus status, Instant due, Instant now) {
        // Not the injected id generator's: the key is the provider's idempotency key across every
        // tenant of the service (ids a service generates or imports may repeat between tenants).
        return DeliveryBuilder.builder().id(DELIVERY_KEYS.newId()).companyId(message.companyId())
                .locationId(message.locationId()).purpose(purpose).channel(channel).messageId(message.id())
                .conversationId(message.conversationId()).customerId(message.customerId()).recipientUserId(recipient)
                .status(status).dueAt(due).createdDate(now).version(1)
                .lastError(status == DeliveryStatus.OPT_OUT ? "the customer unsubscribed" : null).build();
    }

    /** Writes deliveries; a taken id is a conflict like any record's. True when one waits to be sent. */
    private static boolean write(StoreTransaction tx, List<Delivery> tasks) {
        for (Delivery task : tasks) {
            try {
                tx.outbox().insert(task);
            } catch (DuplicateIdException e) {
                throw e.asConflict("delivery");
            }
        }
        return tasks.stream().anyMatch(task -> !task.status().isFinal());
    }

    /**
     * Whether a send of {@code message} on {@code channel} waits for the end of the location's quiet
     * window: a text to a phone (SMS, WhatsApp, RCS) of a message whose SMS options ask for it.
     */
    static boolean avoidsQuietHours(Message message, DeliveryChannel channel) {
        return channel.address() == AddressKind.PHONE && message.smsOptions().avoidQuietHours();
    }

    /** Whether {@code message} came in by SMS (the only channel whose keywords count). */
    private static boolean inboundSms(Message message) {
        return message.authorType() == AuthorType.CUSTOMER && (message.origin() == MessageOrigin.SMS
                || message.channel() != null && message.channel().deliveryChannel().orElse(null) == DeliveryChannel.SMS);
    }

    @Override
    public Optional<String> helpReply(Message message) {
        return helpReply != null && inboundSms(message) && Keywords.HELP.contains(Keywords.wordOf(message.text()))
                ? Optional.of(helpReply) : Optional.empty();
    }

    /** An inbound SMS that is exactly a stop (or start) keyword unsubscribes (subscribes) the customer from SMS. */
    private void applyKeyword(StoreTransaction tx, Actor actor, Message message, Instant now) {
        if (!inboundSms(message)) {
            return;
        }
        String word = Keywords.wordOf(message.text());
        Boolean subscribe = stopKeywords.contains(word) ? Boolean.FALSE
                : startKeywords.contains(word) ? Boolean.TRUE : null;
        if (subscribe == null) {
            return;
        }
        saveConsent(tx, actor, new Consent(message.customerId(), DeliveryChannel.SMS, subscribe, now, "keyword", word));
    }

    /** Saves {@code consent} and tells the feed (the one way every consent is written). */
    static void saveConsent(StoreTransaction tx, Actor actor, Consent consent) {
        tx.outbox().saveConsent(consent);
        Changes.record(tx, actor, consent.date(), EntityType.CONSENT, consent.customerId(), 0, Operation.UPDATE,
                consent.customerId(), Changes.payload("channel", consent.channel().name(), "subscribed",
                        String.valueOf(consent.subscribed()), "source", consent.source()));
    }

    static LocationSettings settings(StoreTransaction tx) {
        return tx.outbox().locationSettings().orElseGet(LocationSettings::defaults);
    }

    /**
     * {@code due}, or the end of the location's quiet window when {@code due} falls inside it, in
     * the location's time zone (a window that crosses midnight ends the next day; a daylight-saving
     * change is the zone's to resolve: a local time in a gap moves forward).
     */
    static Instant outsideQuietHours(Instant due, LocationSettings settings) {
        LocalTime start = settings.quietStart();
        LocalTime end = settings.quietEnd();
        if (start.equals(end)) {
            return due;
        }
        ZonedDateTime local = due.atZone(settings.timeZone());
        LocalTime time = local.toLocalTime();
        boolean crossesMidnight = start.isAfter(end);
        boolean inside = crossesMidnight ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!inside) {
            return due;
        }
        LocalDate endDay = crossesMidnight && !time.isBefore(start) ? local.toLocalDate().plusDays(1) : local.toLocalDate();
        return ZonedDateTime.of(endDay, end, settings.timeZone()).toInstant();
    }

    /**
     * Moves a message's send (email or SMS) to {@code status}, if that is forward, appending to its
     * history; returns the message as saved (or unchanged) and records the change.
     */
    @Override
    public Message moveSend(StoreTransaction tx, Actor actor, MessageRow row, DeliveryChannel channel, DeliveryStatus status,
            String error, Instant now) {
        Message m = row.message();
        Send send = m.sends().of(channel);
        if (send.status() != null && !send.status().canMoveTo(status)) {
            return m;
        }
        return appendStep(tx, actor, row, channel, status, error, now);
    }

    /** Appends {@code status} to the message's send on {@code channel}, forward or not, and records the change. */
    Message appendStep(StoreTransaction tx, Actor actor, MessageRow row, DeliveryChannel channel, DeliveryStatus status,
            String error, Instant now) {
        Message m = row.message();
        Send after = m.sends().of(channel).after(new SendStep(status, now, error));
        Message changed = m.toBuilder().sends(m.sends().with(channel, after))
                .meta(m.meta().next(actor.isUser() ? actor.userId() : null, actor.sessionId())).updatedDate(now).build();
        Changes.record(tx, actor, now, EntityType.MESSAGE, changed.id(), changed.version(), Operation.DELIVERY,
                changed.customerId(), Changes.payload("channel", channel.name(), "status", status.wireValue()));
        if (!tx.updateMessage(row, row.with(changed))) {
            throw new IllegalStateException("message " + m.id() + " changed inside a serialized transaction");
        }
        return changed;
    }

    /**
     * The message if {@code actor} wrote it and all its sends are Scheduled and unclaimed; else not
     * found, forbidden or a conflict.
     */
    Scheduled scheduled(StoreTransaction tx, Actor actor, String messageId, Instant now) {
        MessageRow row = tx.findMessage(messageId).orElseThrow(() -> new NotFoundException("message", messageId));
        Message m = row.message();
        boolean author = actor.isUser() ? actor.userId().equals(m.userId()) : m.userId() == null
                && m.authorType() == AuthorType.SYSTEM;
        if (!author) {
            throw new ForbiddenException("only the author of a scheduled message may change it");
        }
        List<Delivery> sends = sendsOf(tx, messageId);
        Optional<Delivery> moved = sends.stream()
                .filter(t -> t.status() != DeliveryStatus.SCHEDULED || t.leasedAt(now)).findFirst();
        if (sends.isEmpty() || moved.isPresent()) {
            throw notScheduled(messageId);
        }
        return new Scheduled(row, sends);
    }

    @Override
    public Message report(StoreTransaction tx, Actor actor, MessageRow row, DeliveryChannel channel,
            DeliveryStatus status, String error, Instant now) {
        for (Delivery task : tx.outbox().ofMessage(row.id())) {
            if (task.purpose() == DeliveryPurpose.MESSAGE && task.channel() == channel) {
                return report(tx, actor, task, row, status, error, now);
            }
        }
        // a send without a delivery (imported history): its status is all there is
        return moveSend(tx, actor, row, channel, status, error, now);
    }

    /**
     * The one rule of a provider's report on a delivery: forward only (a stale or repeated one
     * changes nothing), the delivery first, then its message's send.
     */
    Message report(StoreTransaction tx, Actor actor, Delivery task, MessageRow row, DeliveryStatus status,
            String error, Instant now) {
        if (!task.status().canMoveTo(status)) {
            return row.message();
        }
        saveDelivery(tx, task, task.with(b -> b.status(status).lastError(error).updatedDate(now)));
        if (task.purpose() != DeliveryPurpose.MESSAGE) {
            return row.message();
        }
        if (status == DeliveryStatus.OPT_OUT) {
            unsubscribe(tx, actor, task, error, now);
        }
        return moveSend(tx, actor, row, task.channel(), status, error, now);
    }

    /** A provider's opt-out unsubscribes the customer from the delivery's channel, unless they are already. */
    static void unsubscribe(StoreTransaction tx, Actor actor, Delivery task, String reason, Instant now) {
        boolean already = tx.outbox().consentsOf(task.customerId()).stream()
                .anyMatch(c -> c.channel() == task.channel() && c.categoryId() == null && !c.subscribed());
        if (!already) {
            saveConsent(tx, actor, new Consent(task.customerId(), task.channel(), false, now, "provider", reason));
        }
    }

    /** Runs a write again while a concurrent claim moves its delivery under it (a claim is short: rarely twice). */
    @Override
    public <T> T retrying(Actor actor, Function<StoreTransaction, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return engine.write(actor, work);
            } catch (ClaimedMeanwhile e) {
                if (attempt == 5) {
                    throw ConflictException.of(ConflictException.Reason.STATE, "delivery", "-",
                            "kept changing under concurrent claims");
                }
            }
        }
    }

    @Override
    public Message changeScheduled(Actor actor, String messageId, ScheduledChange change) {
        Instant now = engine.now();
        try {
            return engine.write(actor, tx -> change.apply(tx, scheduled(tx, actor, messageId, now), now));
        } catch (ClaimedMeanwhile e) {
            throw notScheduled(messageId);
        }
    }

    /** The conflict of changing a message whose sends left Scheduled (claimed, sent or canceled). */
    static ConflictException notScheduled(String messageId) {
        return ConflictException.of(ConflictException.Reason.STATE, "message", messageId,
                "its sends are no longer scheduled (claimed, sent, canceled, or never scheduled)");
    }

    /**
     * Saves a delivery if nothing moved it since {@code before} was read. Claims run outside the
     * tenants' transactions (they serve every tenant), so a tenant's write can lose this race to
     * one: it rolls back with {@link ClaimedMeanwhile}, and its caller retries or reports a conflict.
     */
    static void saveDelivery(StoreTransaction tx, Delivery before, Delivery after) {
        boolean saved;
        try {
            saved = tx.outbox().update(before, after.with(b -> b.version(before.version() + 1)));
        } catch (DuplicateIdException e) {
            throw ConflictException.of(ConflictException.Reason.ID_TAKEN, "delivery", before.id(),
                    "the provider message id '" + e.id() + "' is another delivery's");
        }
        if (!saved) {
            throw new ClaimedMeanwhile();
        }
    }

    /** A claim moved a delivery between a transaction's read and its write. */
    static final class ClaimedMeanwhile extends RuntimeException {
        ClaimedMeanwhile() {
            super("claimed meanwhile", null, false, false);
        }
    }

    static List<Delivery> sendsOf(StoreTransaction tx, String messageId) {
        return tx.outbox().ofMessage(messageId).stream().filter(t -> t.purpose() == DeliveryPurpose.MESSAGE).toList();
    }
}
