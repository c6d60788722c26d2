package dev.messaging.outbox;

import dev.messaging.common.Actor;
import dev.messaging.common.Tenant;
import dev.messaging.delivery.Backlog;
import dev.messaging.delivery.Delivery;
import dev.messaging.delivery.DeliveryPurpose;
import dev.messaging.delivery.OutboxStatistics;
import dev.messaging.delivery.Outcome;
import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.RetryPolicy;
import dev.messaging.delivery.SendResult;
import dev.messaging.error.ConflictException;
import dev.messaging.error.ForbiddenException;
import dev.messaging.error.NotFoundException;
import dev.messaging.error.UnreadableRowException;
import dev.messaging.kernel.Access;
import dev.messaging.kernel.Engine;
import dev.messaging.kernel.Validator;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.Message;
import dev.messaging.spi.EarlyReport;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.StoreTransaction;
import dev.messaging.spi.WaitingDeliveries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    private final DeliveryOperations operations;

    /**
     * The outbox of {@code engine}'s store, retrying by {@code retryPolicy}, with the inbound SMS
     * keywords that unsubscribe and subscribe a customer again; built by {@code Messaging}.
     */
    @SuppressWarnings("exports") // built by Messaging: users cannot obtain the kernel it takes
    public Deliveries(Engine engine, RetryPolicy retryPolicy, Set<String> stopKeywords, Set<String> startKeywords,
            String helpReply) {
        this.engine = engine;
        this.outbox = new Outbox(engine, retryPolicy, stopKeywords, startKeywords, helpReply);
        this.operations = new DeliveryOperations(engine, outbox);
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

    /**
     * The outbox as it stands: what waits on each channel, across tenants, and how late the earliest
     * due delivery is (see {@link OutboxStatistics}). The service's own view, like claims: no actor.
     * One query over the waiting deliveries (the finished ones cost nothing).
     */
    public OutboxStatistics statistics() {
        Instant now = engine.now();
        Map<DeliveryChannel, Backlog> backlog = new EnumMap<>(DeliveryChannel.class);
        for (WaitingDeliveries w : engine.gated(store -> store.waitingDeliveries(now))) {
            Duration lag = w.oldestDue() == null || w.oldestDue().isAfter(now) ? Duration.ZERO
                    : Duration.between(w.oldestDue(), now);
            backlog.put(w.channel(), new Backlog(w.pending(), w.scheduled(), w.due(), lag));
        }
        return new OutboxStatistics(now, backlog);
    }

    /** The operator calls: list, requeue, cancel and purge a tenant's deliveries (see {@link DeliveryOperations}). */
    public DeliveryOperations operations() {
        return operations;
    }

    /** Now, by the messaging's clock (the one leases are counted in). */
    Instant now() {
        return engine.now();
    }

    /** Claims what is due at {@code dueBy}, leased until {@code leaseUntil}, with the messages read per tenant. */
    private List<Outgoing> claim(DeliveryChannel channel, int limit, Instant dueBy, Instant leaseUntil) {
        String claimer = UUID.randomUUID().toString();
        List<Delivery> claimed = engine.gated(store -> store.claimDeliveries(channel, dueBy, limit, claimer, leaseUntil));
        Map<Tenant, List<Delivery>> byTenant = byTenant(claimed, task -> new Tenant(task.companyId(), task.locationId()));
        Map<String, Outgoing> byKey = new HashMap<>();
        Map<String, SendResult> endings = new HashMap<>();
        int maxAttempts = outbox.retryPolicy().maxAttempts();
        byTenant.forEach((tenant, tasks) -> {
            try {
                engine.read(tenant, tx -> OutgoingReads.read(tx, tasks, claimer, maxAttempts, byKey, endings));
            } catch (UnreadableRowException e) {
                // a row of this tenant cannot be read back: find whose, one delivery at a time; the
                // others still go out, and so do every other tenant's
                for (Delivery task : tasks) {
                    try {
                        engine.read(tenant, tx -> OutgoingReads.read(tx, List.of(task), claimer, maxAttempts, byKey,
                                endings));
                    } catch (UnreadableRowException one) {
                        failUnreadable(task, claimer, one);
                    }
                }
            }
        });
        List<Outgoing> outgoing = claimed.stream().map(task -> byKey.get(task.id())).filter(Objects::nonNull).toList();
        List<Outcome> ended = outgoing.stream().filter(o -> endings.containsKey(o.key()))
                .map(o -> new Outcome(o, endings.get(o.key()))).toList();
        if (ended.isEmpty()) {
            return outgoing;
        }
        // a send out of attempts, one the customer unsubscribed from since it was written, or one
        // with no address to go to, ends now and never reaches a sender
        recordAll(ended, false);
        return outgoing.stream().filter(o -> !endings.containsKey(o.key())).toList();
    }

    /**
     * Ends, as Error saying why, a claimed delivery whose message or conversation cannot be read
     * back; its message (which cannot be read) is left as it is. Never handed to a sender.
     */
    private void failUnreadable(Delivery task, String claimer, UnreadableRowException e) {
        String reason = Answers.reason("not sent: " + e.getMessage());
        Instant now = engine.now();
        outbox.retrying(systemOf(new Tenant(task.companyId(), task.locationId())), tx -> {
            for (Delivery held : tx.outbox().find(List.of(task.id()))) {
                if (claimer.equals(held.leaseHolder())) {
                    Outbox.saveDelivery(tx, held, held.with(b -> b.status(DeliveryStatus.ERROR)
                            .lastError(reason).leaseHolder(null).leaseUntil(null)
                            .updatedDate(now)));
                }
            }
            return null;
        });
    }

    /**
     * Records what the sender said of a claimed delivery. Taken while the claim holds the delivery
     * (or its lease lapsed and nobody claimed it again); a delivery that is already sent or final
     * stays as it is, and a late Sent is kept even if another claim took the delivery since (it was
     * sent: the provider's key keeps it from going twice), or failed it since (the provider's truth
     * over that claim's guess: the delivery and its message's send become Sent). An outcome for a delivery nobody ever
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
        record(claimed.tenant(), List.of(new Outcome(claimed, result)), engine.now(), true);
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
        recordAll(outcomes, true);
    }

    /** Records valid outcomes, one transaction per tenant; {@code handedOver} when a sender had their deliveries. */
    private void recordAll(List<Outcome> outcomes, boolean handedOver) {
        Instant now = engine.now();
        byTenant(outcomes, o -> o.claimed().tenant()).forEach((tenant, batch) -> record(tenant, batch, now, handedOver));
    }

    private static <T> Map<Tenant, List<T>> byTenant(List<T> items, Function<T, Tenant> tenantOf) {
        Map<Tenant, List<T>> byTenant = new LinkedHashMap<>();
        for (T item : items) {
            byTenant.computeIfAbsent(tenantOf.apply(item), t -> new ArrayList<>()).add(item);
        }
        return byTenant;
    }

    /**
     * Gives back claimed deliveries that were never handed to a sender (the rest of a batch that ran
     * out of lease, or of a worker closing): due again now, and their claim not counted as an
     * attempt. One the claim no longer holds is left as it is.
     */
    void release(List<Outgoing> unsent) {
        Instant now = engine.now();
        byTenant(unsent, Outgoing::tenant).forEach((tenant, batch) -> outbox.retrying(systemOf(tenant), tx -> {
            Map<String, String> claimers = new HashMap<>();
            batch.forEach(o -> claimers.put(o.key(), o.claimer()));
            for (Delivery task : tx.outbox().find(List.copyOf(claimers.keySet()))) {
                if (claimers.get(task.id()).equals(task.leaseHolder())) {
                    Outbox.saveDelivery(tx, task, task.with(b -> b.leaseHolder(null).leaseUntil(null).dueAt(now)
                            .attempts(task.attempts() - 1).updatedDate(now)));
                }
            }
            return null;
        }));
    }

    /**
     * Records one tenant's outcomes in one transaction: their deliveries and messages read in one
     * statement each, then kept current here as each outcome changes them (two outcomes may be of
     * one message: its SMS and its email).
     */
    private void record(Tenant tenant, List<Outcome> batch, Instant now, boolean handedOver) {
        List<String> providerIds = batch.stream().map(Outcome::result).filter(r -> r.kind() == SendResult.Kind.SENT)
                .map(SendResult::providerMessageId).distinct().toList();
        outbox.retrying(systemOf(tenant), tx -> {
            if (!providerIds.isEmpty()) {
                tx.outbox().recordingProviderIds(providerIds);
            }
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
                record(tx, o.claimed(), o.result(), now, handedOver, tasks, messages);
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

    private void record(StoreTransaction tx, Outgoing claimed, SendResult result, Instant now, boolean handedOver,
            Map<String, Delivery> tasks, Map<String, MessageRow> messages) {
        Delivery task = tasks.get(claimed.key());
        if (task == null) {
            throw new NotFoundException("delivery", claimed.key());
        }
        boolean waiting = task.status() == DeliveryStatus.PENDING || task.status() == DeliveryStatus.SCHEDULED;
        boolean ours = claimed.claimer().equals(task.leaseHolder());
        boolean takenSince = !ours && task.leasedAt(now);
        if (result.kind() == SendResult.Kind.SENT && !ours && task.status() == DeliveryStatus.ERROR
                && task.providerMessageId() == null) {
            // a late Sent of a lapsed claim after a later claim's failure: the provider took it
            correctToSent(tx, claimed, result, now, task, messages.get(task.messageId()), tasks, messages);
            return;
        }
        if (!waiting && !handedOver && task.leaseHolder() == null && task.attempts() == claimed.attempt()) {
            // this claim ended it unsent, but an earlier claim's late outcome ended it first (and
            // kept this claim's count): this claim is not an attempt either
            Delivery uncounted = task.with(b -> b.attempts(task.attempts() - 1).updatedDate(now));
            Outbox.saveDelivery(tx, task, uncounted);
            tasks.put(task.id(), uncounted.with(b -> b.version(task.version() + 1)));
            return;
        }
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
                    .lastError(null));
            case FAILED -> task.with(b -> b.status(DeliveryStatus.ERROR).lastError(result.reason()));
            case RETRY_LATER -> retried(tx, task, row, result, now);
            case OPTED_OUT -> task.with(b -> b.status(DeliveryStatus.OPT_OUT).lastError(result.reason()));
        };
        // a provider's opt-out unsubscribes the channel; one decided at the claim came from a consent already set
        if (result.kind() == SendResult.Kind.OPTED_OUT && task.purpose() == DeliveryPurpose.MESSAGE && handedOver) {
            Outbox.unsubscribe(tx, systemOf(claimed.tenant()), task, result.reason(), now);
        }
        // a delivery ended at its claim never reached a sender: that claim is not an attempt
        int attempts = handedOver ? after.attempts() : after.attempts() - 1;
        Delivery saved = after.with(b -> b.leaseHolder(null).leaseUntil(null).updatedDate(now).attempts(attempts));
        Outbox.saveDelivery(tx, task, saved);
        tasks.put(task.id(), saved.with(b -> b.version(task.version() + 1)));
        if (task.purpose() == DeliveryPurpose.MESSAGE && after.status() != task.status()) {
            Message moved = outbox.moveSend(tx, systemOf(claimed.tenant()), row, task.channel(),
                    after.status(), after.lastError(), now);
            messages.put(row.id(), row.with(moved));
        }
        if (result.kind() == SendResult.Kind.SENT) {
            applyEarlyReports(tx, claimed.tenant(), saved, tasks, messages, now);
        }
    }

    /**
     * The provider's truth over a claim's guess: a delivery a later claim failed (no provider id:
     * nobody reported on it) that an earlier, lapsed claim did send becomes Sent, and so does its
     * message's send (a step appended past the Error).
     */
    private void correctToSent(StoreTransaction tx, Outgoing claimed, SendResult result, Instant now, Delivery task,
            MessageRow row, Map<String, Delivery> tasks, Map<String, MessageRow> messages) {
        Delivery saved = task.with(b -> b.status(DeliveryStatus.SENT).providerMessageId(result.providerMessageId())
                .lastError(null).updatedDate(now));
        Outbox.saveDelivery(tx, task, saved);
        tasks.put(task.id(), saved.with(b -> b.version(task.version() + 1)));
        if (task.purpose() == DeliveryPurpose.MESSAGE) {
            Message moved = outbox.appendStep(tx, systemOf(claimed.tenant()), row, task.channel(), DeliveryStatus.SENT,
                    null, now);
            messages.put(row.id(), row.with(moved));
        }
    }

    /** Due again after the policy's backoff (outside quiet hours for a text that avoids them), or Error. */
    private Delivery retried(StoreTransaction tx, Delivery task, MessageRow row, SendResult result, Instant now) {
        int attempts = task.attempts();
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
        if (task.purpose() == DeliveryPurpose.MESSAGE && row != null
                && Outbox.avoidsQuietHours(row.message(), task.channel())) {
            due = Outbox.outsideQuietHours(due, Outbox.settings(tx));
        }
        Instant next = due;
        return task.with(b -> b.attempts(attempts).dueAt(next).lastError(reason));
    }


    /**
     * A provider's status callback, by the provider's id of what it sent (scoped to the actor's
     * tenant: another tenant's id is not found). The status moves only forward; a stale or repeated
     * report is ignored without error. Only the system reports (a {@code ForbiddenException} for
     * anyone else). Returns the message as it stands.
     */
    public Message report(Actor actor, String providerMessageId, DeliveryStatus status, String error) {
        Access.requireSystem(actor, "report a provider's delivery status");
        Validator v = engine.validator();
        v.requiredId("providerMessageId", providerMessageId);
        v.required("status", status);
        v.text("error", error);
        v.throwIfAny();
        Instant now = engine.now();
        return outbox.retrying(actor, tx -> {
            Delivery task = tx.outbox().findByProviderId(providerMessageId)
                    .orElseThrow(() -> new NotFoundException("delivery", providerMessageId));
            return outbox.report(tx, actor, task, tx.findMessage(task.messageId()).orElseThrow(), status, error, now);
        });
    }

    /**
     * A provider's status callback as a webhook gets it: by the provider's id of what it sent
     * alone, without knowing the tenant (a Twilio, SendGrid or Mailgun callback carries none; map its
     * status with {@code ProviderStatuses} and check its signature with {@code WebhookSignatures}
     * first). The one tenant whose delivery has that id gets the report, as its system would make it
     * ({@link #report}), and the message as it stands comes back. An id no tenant has yet is a
     * callback that came before its Sent was recorded: it is kept (at most
     * {@value #MAX_EARLY_REPORTS}, for a day) and applied when the Sent with that id lands, and the
     * answer is empty; when that many wait already it is a {@code NotFoundException} (answer so that
     * the provider retries). An id that more than one tenant has is a {@code ConflictException} that
     * touches none, so a callback never crosses tenants. One indexed query to find the tenant.
     */
    public Optional<Message> reportFromProvider(String providerMessageId, DeliveryStatus status, String error) {
        engine.requireTargetId("providerMessageId", providerMessageId);
        Validator v = engine.validator();
        v.required("status", status);
        v.text("error", error);
        v.throwIfAny();
        List<Tenant> tenants = engine.gated(store -> store.tenantsWithProviderId(providerMessageId));
        if (tenants.isEmpty()) {
            Instant now = engine.now();
            EarlyReport early = new EarlyReport(providerMessageId, status, error, now);
            if (!engine.gated(store -> store.keepEarlyReport(early, MAX_EARLY_REPORTS, now.minus(EARLY_REPORT_LIFE)))) {
                throw new NotFoundException("delivery", providerMessageId);
            }
            return Optional.empty();
        }
        if (tenants.size() > 1) {
            throw ConflictException.of(ConflictException.Reason.STATE, "delivery", providerMessageId,
                    "more than one tenant has a delivery of this provider id: report it with the tenant's actor");
        }
        return Optional.of(report(systemOf(tenants.get(0)), providerMessageId, status, error));
    }

    /** The most callbacks kept before their Sent ({@link #reportFromProvider}). */
    public static final int MAX_EARLY_REPORTS = 10_000;
    /** How long a callback is kept waiting for its Sent. */
    static final Duration EARLY_REPORT_LIFE = Duration.ofDays(1);

    /** Applies the callbacks that came before this Sent (kept by {@link #reportFromProvider}), oldest first. */
    private void applyEarlyReports(StoreTransaction tx, Tenant tenant, Delivery sent, Map<String, Delivery> tasks,
            Map<String, MessageRow> messages, Instant now) {
        for (EarlyReport early : tx.outbox().takeEarlyReports(sent.providerMessageId())) {
            Delivery current = tasks.get(sent.id());
            MessageRow row = messages.get(current.messageId());
            Message moved = outbox.report(tx, systemOf(tenant), current, row, early.status(), early.error(), now);
            if (row != null) {
                messages.put(row.id(), row.with(moved));
            }
            tx.outbox().find(current.id()).ifPresent(d -> tasks.put(d.id(), d));
        }
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

    /**
     * The delivery of the actor's tenant that its provider knows by {@code providerMessageId} (what a
     * bounce or a reply names: an email's Message-ID, say); empty when the tenant has none. One
     * indexed read.
     */
    public Optional<Delivery> findByProviderId(Actor actor, String providerMessageId) {
        Access.requireUserOrSystem(actor, "read deliveries");
        engine.requireTargetId("providerMessageId", providerMessageId);
        return engine.read(actor, tx -> tx.outbox().findByProviderId(providerMessageId));
    }

    /** A worker to configure: a sender per channel, threads, batch size, lease; {@code start()} runs it. */
    public DeliveryWorker.Builder worker() {
        return new DeliveryWorker.Builder(this, outbox);
    }
}
