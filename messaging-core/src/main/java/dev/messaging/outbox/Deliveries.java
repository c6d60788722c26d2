package dev.messaging.outbox;

import dev.messaging.common.Actor;
import dev.messaging.common.Tenant;
import dev.messaging.conversation.Contact;
import dev.messaging.delivery.Delivery;
import dev.messaging.delivery.DeliveryPurpose;
import dev.messaging.delivery.Outcome;
import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.RetryPolicy;
import dev.messaging.delivery.SendResult;
import dev.messaging.error.ConflictException;
import dev.messaging.error.ForbiddenException;
import dev.messaging.error.NotFoundException;
import dev.messaging.kernel.Access;
import dev.messaging.kernel.Engine;
import dev.messaging.kernel.Validator;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.Message;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.StoreTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * The outbox: deliveries of messages and staff notifications, written with the message that
 * caused them (see {@code Outbox} for when and what). A service plugs its providers into a
 * ready {@link DeliveryWorker} ({@link #worker()}), or runs its own loop on {@link #claim} and
 * {@link #outcome}; its providers' status callbacks come back through {@link #report}.
 *
 * <p>Claims serve every tenant of the store: they are the service's own work, not a tenant's call,
 * so they take no {@code Actor}. A claim leases each delivery to its claimer; when the lease lapses
 * (the worker died) the delivery is due again with the same key, so a provider that de-duplicates
 * by key sends once. Claims and leases are the outbox's bookkeeping and add nothing to the change
 * feed; what happens to a message's send (sent, failed, canceled, a provider's report) does.
 */
public final class Deliveries {
    /** The most deliveries one claim takes. */
    public static final int MAX_CLAIM = 1_000;
    /** The longest lease a claim may take. */
    public static final Duration MAX_LEASE = Duration.ofHours(1);
    /** The longest wait a provider's Retry-After sets (a longer one counts as this). */
    public static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);
    private final Engine engine;
    private final Outbox outbox;

    /**
     * The outbox of {@code engine}'s store, retrying by {@code retryPolicy}, with the inbound SMS
     * keywords that unsubscribe and subscribe a customer again; built by {@code Messaging}.
     */
    @SuppressWarnings("exports") // built by Messaging: users cannot obtain the kernel it takes
    public Deliveries(Engine engine, RetryPolicy retryPolicy, Set<String> stopKeywords, Set<String> startKeywords) {
        this.engine = engine;
        this.outbox = new Outbox(engine, retryPolicy, stopKeywords, startKeywords);
    }

    Outbox outbox() {
        return outbox;
    }

    /**
     * Claims up to {@code limit} (1..1,000) due deliveries of {@code channel}, of any tenant, in due
     * order, each leased for {@code lease} (positive, at most an hour) to this claim.
     */
    public List<Outgoing> claim(DeliveryChannel channel, int limit, Duration lease) {
        Validator v = engine.validator();
        v.required("channel", channel);
        if (limit < 1 || limit > MAX_CLAIM) {
            v.add("limit", "must be between 1 and " + MAX_CLAIM + ", was " + limit);
        }
        v.required("lease", lease);
        if (lease != null && (lease.isNegative() || lease.isZero() || lease.compareTo(MAX_LEASE) > 0)) {
            v.add("lease", "must be positive and at most " + MAX_LEASE + ", was " + lease);
        }
        v.throwIfAny();
        Instant now = engine.now();
        return claim(channel, limit, now, now.plus(lease));
    }

    /**
     * Claims up to {@code limit} deliveries of {@code channel} that have waited for a sender longer
     * than {@code overdueBy}: a worker without a sender for the channel expires them (see
     * {@link DeliveryWorker.Builder#expireUnsentAfter}).
     */
    List<Outgoing> claimOverdue(DeliveryChannel channel, int limit, Duration lease, Duration overdueBy) {
        Instant now = engine.now();
        return claim(channel, limit, now.minus(overdueBy), now.plus(lease));
    }

    /** Claims what is due at {@code dueBy}, leased until {@code leaseUntil}, with the messages read per tenant. */
    private List<Outgoing> claim(DeliveryChannel channel, int limit, Instant dueBy, Instant leaseUntil) {
        String claimer = UUID.randomUUID().toString();
        List<Delivery> claimed = engine.gated(store -> store.claimDeliveries(channel, dueBy, limit, claimer, leaseUntil));
        Map<Tenant, List<Delivery>> byTenant = new LinkedHashMap<>();
        for (Delivery task : claimed) {
            byTenant.computeIfAbsent(new Tenant(task.companyId(), task.locationId()), t -> new ArrayList<>()).add(task);
        }
        Map<String, Outgoing> byKey = new HashMap<>();
        byTenant.forEach((tenant, tasks) -> engine.read(tenant, tx -> {
            Map<String, Message> messages = new HashMap<>();
            for (MessageRow row : tx.findMessages(tasks.stream().map(Delivery::messageId).distinct().toList())) {
                messages.put(row.id(), row.message());
            }
            for (Delivery task : tasks) {
                byKey.put(task.id(), toOutgoing(tx, task, messages.get(task.messageId()), claimer));
            }
            return null;
        }));
        List<Outgoing> outgoing = claimed.stream().map(task -> byKey.get(task.id())).toList();
        List<Outcome> unaddressed = outgoing.stream().filter(Deliveries::unaddressed)
                .map(o -> new Outcome(o, SendResult.failed("no address: the customer's contact has no "
                        + (o.channel() == DeliveryChannel.SMS ? "phone" : "email"))))
                .toList();
        if (unaddressed.isEmpty()) {
            return outgoing;
        }
        // a send with no address can never succeed: it ends now, and never reaches a sender
        outcomes(unaddressed);
        return outgoing.stream().filter(o -> !unaddressed(o)).toList();
    }

    /** A message's send (not a staff notification) to a customer whose contact names no address on its channel. */
    private static boolean unaddressed(Outgoing o) {
        return o.purpose() == DeliveryPurpose.MESSAGE && o.channel() != DeliveryChannel.IN_APP
                && (o.to() == null || o.to().isBlank());
    }

    private static Outgoing toOutgoing(StoreTransaction tx, Delivery task, Message message, String claimer) {
        String to = null;
        if (task.purpose() == DeliveryPurpose.MESSAGE) {
            Contact contact = tx.findConversation(task.conversationId()).map(ConversationRow::conversation)
                    .map(c -> c.contact()).orElse(null);
            if (contact != null) {
                to = task.channel() == DeliveryChannel.SMS ? contact.phone() : contact.email();
            }
        }
        return new Outgoing(task.id(), task.channel(), task.purpose(), new Tenant(task.companyId(), task.locationId()),
                to, task.recipientUserId(), message, task.attempts() + 1, claimer);
    }

    /**
     * Records what the sender said of a claimed delivery. Taken while the claim holds the delivery
     * (or its lease lapsed and nobody claimed it again); a delivery that is already sent or final
     * stays as it is, and a late Sent is kept even if another claim took the delivery since (it was
     * sent: the provider's key keeps it from going twice). An outcome for a delivery nobody ever
     * claimed is a {@code ConflictException}, and nothing changes.
     */
    public void outcome(Outgoing claimed, SendResult result) {
        Validator v = engine.validator();
        v.required("claimed", claimed);
        v.required("result", result);
        v.throwIfAny();
        check(v, "result", result);
        checkClaim(v, "claimed", claimed);
        v.throwIfAny();
        record(claimed.tenant(), List.of(new Outcome(claimed, result)), engine.now());
    }

    /**
     * Records a batch of outcomes as {@link #outcome} does, in one transaction per tenant (a
     * worker's claim of 50 costs one commit, not 50). A delivery that is not found fails its
     * tenant's transaction: none of that tenant's outcomes in the batch is recorded.
     */
    public void outcomes(List<Outcome> outcomes) {
        Validator v = engine.validator();
        v.required("outcomes", outcomes);
        v.throwIfAny();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            String field = "outcomes[" + i + "]";
            v.required(field, o);
            if (o != null) {
                v.required(field + ".claimed", o.claimed());
                v.required(field + ".result", o.result());
                if (o.result() != null) {
                    check(v, field + ".result", o.result());
                }
                if (o.claimed() != null) {
                    checkClaim(v, field + ".claimed", o.claimed());
                }
            }
        }
        v.throwIfAny();
        Instant now = engine.now();
        Map<Tenant, List<Outcome>> byTenant = new LinkedHashMap<>();
        for (Outcome o : outcomes) {
            byTenant.computeIfAbsent(o.claimed().tenant(), t -> new ArrayList<>()).add(o);
        }
        byTenant.forEach((tenant, batch) -> record(tenant, batch, now));
    }

    /**
     * Records one tenant's outcomes in one transaction: their deliveries and messages read in one
     * statement each, then kept current here as each outcome changes them (two outcomes may be of
     * one message: its SMS and its email).
     */
    private void record(Tenant tenant, List<Outcome> batch, Instant now) {
        retryingClaims(systemOf(tenant), tx -> {
            Map<String, Delivery> tasks = new HashMap<>();
            for (Delivery task : tx.outbox().find(batch.stream().map(o -> o.claimed().key()).distinct().toList())) {
                tasks.put(task.id(), task);
            }
            Map<String, MessageRow> messages = new HashMap<>();
            for (MessageRow row : tx.findMessages(tasks.values().stream().map(Delivery::messageId).distinct()
                    .toList())) {
                messages.put(row.id(), row);
            }
            for (Outcome o : batch) {
                record(tx, o.claimed(), o.result(), now, tasks, messages);
            }
            return null;
        });
    }

    /** A claimed delivery names its key, its claim and its tenant. */
    private static void checkClaim(Validator v, String field, Outgoing claimed) {
        v.requiredId(field + ".key", claimed.key());
        v.requiredId(field + ".claimer", claimed.claimer());
        v.required(field + ".tenant", claimed.tenant());
    }

    private static void check(Validator v, String field, SendResult result) {
        v.required(field + ".kind", result.kind());
        if (result.kind() == SendResult.Kind.SENT) {
            v.requiredId(field + ".providerMessageId", result.providerMessageId());
        } else {
            v.text(field + ".reason", result.reason());
        }
        Duration after = result.retryAfter();
        if (after != null && (result.kind() != SendResult.Kind.RETRY_LATER || after.isNegative() || after.isZero())) {
            v.add(field + ".retryAfter", "is a positive wait of a retry later, was " + after + " with " + result.kind());
        }
    }

    private static Actor systemOf(Tenant tenant) {
        return Actor.system(tenant.companyId(), tenant.locationId());
    }

    private void record(StoreTransaction tx, Outgoing claimed, SendResult result, Instant now,
            Map<String, Delivery> tasks, Map<String, MessageRow> messages) {
        Delivery task = tasks.get(claimed.key());
        if (task == null) {
            throw new NotFoundException("delivery", claimed.key());
        }
        boolean waiting = task.status() == DeliveryStatus.PENDING || task.status() == DeliveryStatus.SCHEDULED;
        boolean ours = claimed.claimer().equals(task.leaseHolder());
        boolean takenSince = !ours && task.leasedAt(now);
        if (!waiting || takenSince && result.kind() != SendResult.Kind.SENT) {
            return;
        }
        if (!ours && task.leaseHolder() == null && task.attempts() == 0) {
            // nobody ever claimed it: an outcome "from a claim" is made up (a late one of a lapsed
            // claim finds the delivery leased by the next claimer, or with an attempt recorded)
            throw ConflictException.of(ConflictException.Reason.STATE, "delivery", task.id(),
                    "it was never claimed: an outcome comes from the claim that holds it");
        }
        MessageRow row = messages.get(task.messageId());
        Delivery after = switch (result.kind()) {
            case SENT -> task.with(b -> b.status(DeliveryStatus.SENT).providerMessageId(result.providerMessageId())
                    .attempts(task.attempts() + 1).lastError(null));
            case FAILED -> task.with(b -> b.status(DeliveryStatus.ERROR).attempts(task.attempts() + 1)
                    .lastError(result.reason()));
            case RETRY_LATER -> retried(tx, task, row, result, now);
        };
        Delivery saved = after.with(b -> b.leaseHolder(null).leaseUntil(null).updatedDate(now));
        Outbox.saveDelivery(tx, task, saved);
        tasks.put(task.id(), saved.with(b -> b.version(task.version() + 1)));
        if (task.purpose() == DeliveryPurpose.MESSAGE && after.status() != task.status()) {
            Message moved = outbox.moveSend(tx, systemOf(claimed.tenant()), row, task.channel(),
                    after.status(), after.lastError(), now);
            messages.put(row.id(), row.with(moved));
        }
    }

    /** Attempts + 1, due again after the policy's backoff (outside quiet hours for an SMS that avoids them), or Error. */
    private Delivery retried(StoreTransaction tx, Delivery task, MessageRow row, SendResult result, Instant now) {
        int attempts = task.attempts() + 1;
        String reason = result.reason();
        if (attempts >= outbox.retryPolicy().maxAttempts()) {
            return task.with(b -> b.status(DeliveryStatus.ERROR).attempts(attempts).lastError(reason));
        }
        Duration delay = outbox.retryPolicy().delayAfter(attempts, ThreadLocalRandom.current().nextDouble());
        if (result.retryAfter() != null) {
            Duration asked = result.retryAfter().compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : result.retryAfter();
            delay = asked.compareTo(delay) > 0 ? asked : delay;
        }
        Instant due = now.plus(delay);
        if (task.channel() == DeliveryChannel.SMS && task.purpose() == DeliveryPurpose.MESSAGE
                && row != null && row.message().smsOptions().avoidQuietHours()) {
            due = Outbox.outsideQuietHours(due, Outbox.settings(tx));
        }
        Instant next = due;
        return task.with(b -> b.attempts(attempts).dueAt(next).lastError(reason));
    }

    /** Runs a write again while a concurrent claim moves its delivery under it (a claim is short: rarely twice). */
    private <T> T retryingClaims(Actor actor, Function<StoreTransaction, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return engine.write(actor, work);
            } catch (Outbox.ClaimedMeanwhile e) {
                if (attempt == 5) {
                    throw ConflictException.of(ConflictException.Reason.STATE, "delivery", "-",
                            "kept changing under concurrent claims");
                }
            }
        }
    }

    /**
     * A provider's status callback, by the provider's id of what it sent (scoped to the actor's
     * tenant: another tenant's id is not found). The status moves only forward; a stale or repeated
     * report is ignored without error. Returns the message as it stands.
     */
    public Message report(Actor actor, String providerMessageId, DeliveryStatus status, String error) {
        Access.requireUserOrSystem(actor, "report delivery status");
        Validator v = engine.validator();
        v.requiredId("providerMessageId", providerMessageId);
        v.required("status", status);
        v.text("error", error);
        v.throwIfAny();
        Instant now = engine.now();
        return retryingClaims(actor, tx -> {
            Delivery task = tx.outbox().findByProviderId(providerMessageId)
                    .orElseThrow(() -> new NotFoundException("delivery", providerMessageId));
            MessageRow row = tx.findMessage(task.messageId()).orElseThrow();
            if (!task.status().canMoveTo(status)) {
                return row.message();
            }
            Outbox.saveDelivery(tx, task, task.with(b -> b.status(status).lastError(error).updatedDate(now)));
            if (task.purpose() != DeliveryPurpose.MESSAGE) {
                return row.message();
            }
            return outbox.moveSend(tx, actor, row, task.channel(), status, error, now);
        });
    }

    /**
     * Cancels a message's scheduled sends. Only its author may (the user who wrote it, or the system
     * for its own); only while every send is still Scheduled and unclaimed: else a conflict, and
     * nothing changes. A cancel racing a claim: exactly one of them wins.
     */
    public Message cancel(Actor actor, String messageId) {
        Access.requireUserOrSystem(actor, "cancel scheduled sends");
        engine.requireTargetId("messageId", messageId);
        return outbox.changeScheduled(actor, messageId, (tx, scheduled, now) -> {
            Message m = scheduled.row().message();
            for (Delivery task : scheduled.sends()) {
                Outbox.saveDelivery(tx, task, task.with(b -> b.status(DeliveryStatus.CANCELED).updatedDate(now)));
                m = outbox.moveSend(tx, actor, scheduled.row().with(m), task.channel(),
                        DeliveryStatus.CANCELED, null, now);
            }
            return m;
        });
    }

    /** The deliveries of a message: its sends and the notifications it caused (for screens and support). */
    public List<Delivery> of(Actor actor, String messageId) {
        Access.requireUserOrSystem(actor, "read deliveries");
        engine.requireTargetId("messageId", messageId);
        return engine.read(actor, tx -> {
            tx.findMessage(messageId).orElseThrow(() -> new NotFoundException("message", messageId));
            return tx.outbox().ofMessage(messageId);
        });
    }

    /** A worker to configure: a sender per channel, threads, batch size, lease; {@code start()} runs it. */
    public DeliveryWorker.Builder worker() {
        return new DeliveryWorker.Builder(this, outbox);
    }
}
