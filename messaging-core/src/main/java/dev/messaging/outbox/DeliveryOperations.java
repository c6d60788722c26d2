package dev.messaging.outbox;

import dev.messaging.common.Actor;
import dev.messaging.common.Page;
import dev.messaging.delivery.Delivery;
import dev.messaging.delivery.DeliveryPurpose;
import dev.messaging.delivery.DeliveryQuery;
import dev.messaging.error.ConflictException;
import dev.messaging.error.NotFoundException;
import dev.messaging.kernel.Access;
import dev.messaging.kernel.Cursors;
import dev.messaging.kernel.Engine;
import dev.messaging.kernel.Validator;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.spi.DeliveryListSpec;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.PagePosition;
import dev.messaging.spi.StoreTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What the people who run the outbox do with it, per tenant and authorized like the rest (a user
 * or the system of the tenant; another tenant's delivery is not found): list deliveries by status,
 * channel and age, requeue failed ones, cancel waiting ones, purge finished ones past a retention.
 * Reached by {@code messaging.deliveries().operations()}.
 */
public final class DeliveryOperations {
    /** The statuses a purge deletes: every one but waiting (Pending, Scheduled). */
    private static final Set<DeliveryStatus> FINISHED = EnumSet.complementOf(
            EnumSet.of(DeliveryStatus.PENDING, DeliveryStatus.SCHEDULED));
    /** Deliveries deleted per transaction of a purge. */
    private static final int PURGE_BATCH = 1_000;
    /** The shortest retention a purge takes: what was sent today stays visible. */
    public static final Duration MIN_RETENTION = Duration.ofDays(1);

    private final Engine engine;
    private final Outbox outbox;

    DeliveryOperations(Engine engine, Outbox outbox) {
        this.engine = engine;
        this.outbox = outbox;
    }

    /** A page of the tenant's deliveries (see {@link DeliveryQuery}), oldest first; keyset-paged. */
    public Page<Delivery> list(Actor actor, DeliveryQuery query) {
        Access.requireUserOrSystem(actor, "list deliveries");
        Validator v = engine.validator();
        v.required("query", query);
        v.throwIfAny();
        int limit = v.limit("limit", query.limit(), 50);
        String filters = "deliveries|" + query.status() + "|" + query.channel() + "|" + query.createdBefore();
        PagePosition after = Cursors.decode(v, "after", query.after(), filters);
        v.throwIfAny();
        return engine.read(actor, tx -> {
            List<Delivery> rows = new ArrayList<>(tx.outbox().list(new DeliveryListSpec(query.status(),
                    query.channel(), query.createdBefore(), after, limit + 1)));
            boolean hasMore = rows.size() > limit;
            if (hasMore) {
                rows.remove(rows.size() - 1);
            }
            return Cursors.page(rows, hasMore, false, d -> new PagePosition(d.createdDate(), d.id()), filters, null);
        });
    }

    /**
     * Sends a failed delivery (Error) again: Pending and due now, with a fresh attempt budget, its
     * message's send back to Pending. Anything but a failed delivery is a {@code ConflictException}.
     * It is sent once more, by the next claim.
     */
    public Delivery requeue(Actor actor, String deliveryId) {
        Access.requireUserOrSystem(actor, "requeue deliveries");
        engine.requireTargetId("deliveryId", deliveryId);
        Instant now = engine.now();
        Delivery requeued = outbox.retrying(actor, tx -> {
            Delivery task = find(tx, deliveryId);
            if (task.status() != DeliveryStatus.ERROR) {
                throw ConflictException.of(ConflictException.Reason.STATE, "delivery", deliveryId,
                        "only a failed delivery (Error) is requeued; this one is " + task.status().wireValue());
            }
            Delivery saved = task.with(b -> b.status(DeliveryStatus.PENDING).attempts(0).dueAt(now).lastError(null)
                    .leaseHolder(null).leaseUntil(null).updatedDate(now));
            Outbox.saveDelivery(tx, task, saved);
            moveMessage(tx, actor, task, DeliveryStatus.PENDING, null, now);
            return saved.with(b -> b.version(task.version() + 1));
        });
        outbox.wake();
        return requeued;
    }

    /**
     * Cancels a waiting delivery (Pending or Scheduled) that no claim holds now, and its message's
     * send; one being sent, or finished, is a {@code ConflictException}.
     */
    public Delivery cancel(Actor actor, String deliveryId) {
        Access.requireUserOrSystem(actor, "cancel deliveries");
        engine.requireTargetId("deliveryId", deliveryId);
        Instant now = engine.now();
        return outbox.retrying(actor, tx -> {
            Delivery task = find(tx, deliveryId);
            boolean waiting = task.status() == DeliveryStatus.PENDING || task.status() == DeliveryStatus.SCHEDULED;
            if (!waiting || task.leasedAt(now)) {
                throw ConflictException.of(ConflictException.Reason.STATE, "delivery", deliveryId,
                        waiting ? "a claim holds it: it is being sent" : "it is " + task.status().wireValue());
            }
            String reason = "canceled by an operator";
            Delivery saved = task.with(b -> b.status(DeliveryStatus.CANCELED).lastError(reason).updatedDate(now));
            Outbox.saveDelivery(tx, task, saved);
            moveMessage(tx, actor, task, DeliveryStatus.CANCELED, reason, now);
            return saved.with(b -> b.version(task.version() + 1));
        });
    }

    /**
     * Deletes the tenant's finished deliveries (anything but Pending and Scheduled) last changed
     * more than {@code retention} ago (at least {@link #MIN_RETENTION}); their messages keep their
     * send history. Deletes {@value #PURGE_BATCH} per transaction; returns how many in all.
     */
    public long purge(Actor actor, Duration retention) {
        Access.requireUserOrSystem(actor, "purge deliveries");
        Validator v = engine.validator();
        v.required("retention", retention);
        if (retention != null && retention.compareTo(MIN_RETENTION) < 0) {
            v.add("retention", "must be at least " + MIN_RETENTION + ", was " + retention);
        }
        v.throwIfAny();
        Instant before = engine.now().minus(retention);
        long purged = 0;
        int batch;
        do {
            batch = engine.write(actor, tx -> tx.outbox().purge(FINISHED, before, PURGE_BATCH));
            purged += batch;
        } while (batch == PURGE_BATCH);
        return purged;
    }

    private static Delivery find(StoreTransaction tx, String deliveryId) {
        return tx.outbox().find(deliveryId).orElseThrow(() -> new NotFoundException("delivery", deliveryId));
    }

    /** Moves the send of a message's delivery along with it (a notification has none). */
    private void moveMessage(StoreTransaction tx, Actor actor, Delivery task, DeliveryStatus status, String error,
            Instant now) {
        if (task.purpose() == DeliveryPurpose.MESSAGE) {
            MessageRow row = tx.findMessage(task.messageId()).orElseThrow();
            outbox.appendStep(tx, actor, row, task.channel(), status, error, now);
        }
    }
}
