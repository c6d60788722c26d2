package dev.messaging.kernel;

import dev.messaging.change.Change;
import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Actor;
import dev.messaging.spi.StoreTransaction;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Appends the one change-feed entry of a write, in the write's transaction. */
public final class Changes {
    private Changes() {
    }

    /**
     * Appends the change of a write by {@code actor} to the tenant's feed in {@code tx}; returns it with its
     * sequence.
     */
    public static Change record(StoreTransaction tx, Actor actor, Instant now, EntityType type, String entityId,
            long version, Operation operation, String customerId, Map<String, String> payload) {
        String actorId = switch (actor.kind()) {
            case USER -> actor.userId();
            case CUSTOMER -> actor.customerId();
            case SYSTEM -> null;
        };
        return tx.appendChange(new Change(0, type, entityId, version, operation, actor.kind(), actorId,
                actor.sessionId(), now, customerId, payload));
    }

    /** A payload from key-value pairs, leaving out null values. */
    public static Map<String, String> payload(String... keysAndValues) {
        Map<String, String> payload = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                payload.put(keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return payload;
    }
}
