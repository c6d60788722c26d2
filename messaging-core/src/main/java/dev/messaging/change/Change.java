package dev.messaging.change;

import dev.messaging.common.ActorKind;
import java.time.Instant;
import java.util.Map;

/**
 * One entry of a tenant's change feed: every write appends exactly one, in the same transaction.
 * {@code sequence} is gap-free and in commit order per tenant. {@code payload} holds a few
 * fields of the change for consumers (text, status, ...); erasing a customer empties the
 * payloads of the entries about them and clears {@code customerId}.
 */
public record Change(
        long sequence,
        EntityType entityType,
        String entityId,
        long version,
        Operation operation,
        ActorKind actorKind,
        String actorId,
        String sessionId,
        Instant time,
        String customerId,
        Map<String, String> payload) {

    public Change {
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }

    /** This change as appended at {@code value} (stores number the drafts core hands them). */
    public Change withSequence(long value) {
        return new Change(value, entityType, entityId, version, operation, actorKind, actorId, sessionId, time,
                customerId, payload);
    }

    /** This change with its customer and payload erased (a customer's right to be forgotten). */
    public Change erased() {
        return new Change(sequence, entityType, entityId, version, operation, actorKind, actorId, sessionId, time,
                null, Map.of());
    }
}
