package dev.messaging.view.shopmonkey;

import dev.messaging.change.Change;
import dev.messaging.change.Operation;
import dev.messaging.error.ValidationException;
import java.util.List;
import java.util.Locale;

/**
 * A Shopmonkey change event ({@code datatypes.ChangeEvent} of go-datamodel) built from one change
 * of the feed: {@code operation} is {@code INSERT}, {@code UPDATE} or {@code DELETE}
 * ({@link #operation(Operation)}); {@code id} is the change's feed sequence, unique per location
 * and the position to resume after; {@code table} the entity type in lower case
 * ({@code message}, {@code conversation}...); {@code key} the entity's id; {@code timestamp} the
 * change's time in epoch milliseconds, {@code mvccTimestamp} in microseconds; {@code diff} the
 * fields the change names; {@code after} the record after it, when the caller gives it (a
 * {@link ShopmonkeyMessage} say). {@code before} and {@code region} are not known to the feed:
 * null, as upstream omits them.
 */
public record ShopmonkeyChangeEvent(
        String id,
        Long timestamp,
        String mvccTimestamp,
        String table,
        List<String> key,
        String locationId,
        String companyId,
        String userId,
        String sessionId,
        Long version,
        String region,
        String operation,
        Object before,
        Object after,
        List<String> diff) {

    /** The event of {@code change} in {@code companyId}'s {@code locationId}, with the record {@code after} it (or null). */
    public static ShopmonkeyChangeEvent from(Change change, String companyId, String locationId, Object after) {
        long micros = change.time().getEpochSecond() * 1_000_000 + change.time().getNano() / 1_000;
        List<String> diff = change.payload().keySet().stream().sorted().toList();
        return new ShopmonkeyChangeEvent(Long.toString(change.sequence()), change.time().toEpochMilli(),
                Long.toString(micros), change.entityType().name().toLowerCase(Locale.ROOT), List.of(change.entityId()),
                locationId, companyId, change.actorId(), change.sessionId(), change.version(), null,
                operation(change.operation()), null, after, diff.isEmpty() ? null : diff);
    }

    /**
     * The Shopmonkey operation of a feed operation: a create is {@code INSERT}, a soft delete and a
     * customer's erasure {@code DELETE}, every other change (an edit, a restore, a read, a delivery
     * status) {@code UPDATE}.
     */
    public static String operation(Operation operation) {
        return switch (operation) {
            case CREATE -> "INSERT";
            case DELETE, ERASE -> "DELETE";
            default -> "UPDATE";
        };
    }

    /**
     * The feed operation a Shopmonkey operation word means: {@code INSERT} a create, {@code UPDATE}
     * an update, {@code DELETE} a delete; anything else is a validation error on {@code operation}.
     */
    public static Operation operation(String word) {
        return switch (word == null ? "" : word) {
            case "INSERT" -> Operation.CREATE;
            case "UPDATE" -> Operation.UPDATE;
            case "DELETE" -> Operation.DELETE;
            default -> throw ValidationException.of("operation", "is not INSERT, UPDATE or DELETE: " + word);
        };
    }
}
