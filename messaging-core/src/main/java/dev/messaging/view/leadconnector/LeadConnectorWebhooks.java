package dev.messaging.view.leadconnector;

import dev.messaging.Messaging;
import dev.messaging.change.Change;
import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Actor;
import dev.messaging.common.ActorKind;
import dev.messaging.error.NotFoundException;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.Message;
import dev.messaging.thread.ThreadMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * LeadConnector's message webhooks rendered from the change feed, for a service that posts them to
 * its own subscribers (the library does no HTTP). Each change of the feed gives at most one
 * webhook: a message created is {@code InboundMessage} or {@code OutboundMessage} (internal notes
 * are none: no customer sees them); an email reaching a status with an event word is
 * {@code LCEmailStats}; a user's thread read or marked unread by the user is
 * {@code ConversationUnreadUpdate}.
 * Each webhook carries the feed sequence of its change: a service keeps the last one it posted and
 * resumes after it, so a restart neither loses nor repeats one it recorded. Cost: one read of the
 * feed, plus one read per change that gives a webhook.
 */
public final class LeadConnectorWebhooks {
    private final Messaging messaging;

    /** The webhooks of {@code messaging}'s feed. */
    public LeadConnectorWebhooks(Messaging messaging) {
        this.messaging = messaging;
    }

    /** A webhook body and the feed sequence of the change it comes from (where to resume after it). */
    public record Webhook(long sequence, Object body) {
    }

    /**
     * The webhooks of up to {@code limit} (1..100) changes after {@code sequence}, in order, read
     * as {@code reader} (the system or a user of the tenant); and the sequence to resume after.
     * Validation as {@code changes().since}.
     */
    public Batch since(Actor reader, long sequence, int limit) {
        List<Change> changes = messaging.changes().since(reader, sequence, limit);
        List<Webhook> webhooks = new ArrayList<>();
        long last = sequence;
        for (Change change : changes) {
            render(reader, change).ifPresent(body -> webhooks.add(new Webhook(change.sequence(), body)));
            last = change.sequence();
        }
        return new Batch(webhooks, last);
    }

    /** The webhooks of a read of the feed, and the sequence of the last change read (to resume after). */
    public record Batch(List<Webhook> webhooks, long lastSequence) {
    }

    /** The webhook of one change, if it gives one. */
    public Optional<Object> render(Actor reader, Change change) {
        if (change.entityType() == EntityType.MESSAGE && change.operation() == Operation.CREATE) {
            return messaging.messages().find(reader, change.entityId())
                    .filter(m -> !Boolean.TRUE.equals(m.internal()))
                    .map(MessageWebhook::from);
        }
        if (change.entityType() == EntityType.MESSAGE && change.operation() == Operation.DELIVERY
                && DeliveryChannel.EMAIL.name().equals(change.payload().get("channel"))) {
            Optional<Message> message = messaging.messages().find(reader, change.entityId());
            DeliveryStatus status = DeliveryStatus.fromWire(change.payload().get("status"));
            return message.flatMap(m -> EmailStatsWebhook.from(m, status, change.time()));
        }
        if (change.entityType() == EntityType.THREAD && change.actorKind() == ActorKind.USER
                && (change.operation() == Operation.READ || change.operation() == Operation.UNREAD)) {
            return unread(Actor.user(reader.tenant().companyId(), reader.tenant().locationId(), change.actorId()),
                    change.entityId());
        }
        return Optional.empty();
    }

    /** The user's thread as a webhook; none when it is gone (its conversation deleted for good or erased since). */
    private Optional<Object> unread(Actor user, String threadId) {
        try {
            ThreadMetadata thread = messaging.threads().find(user, threadId);
            return messaging.conversations().find(user, thread.conversationId())
                    .map(c -> ConversationUnreadWebhook.from(c, thread));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }
}
