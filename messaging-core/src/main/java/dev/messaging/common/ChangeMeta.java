package dev.messaging.common;

/**
 * The metadata about the most recent change to a record (Shopmonkey {@code meta}): who made it,
 * in which session, and the record's {@code version}, which starts at 1 and grows by one on
 * every change a caller makes.
 */
public record ChangeMeta(String userId, String sessionId, long version) {
    public ChangeMeta next(String byUserId, String bySessionId) {
        return new ChangeMeta(byUserId, bySessionId, version + 1);
    }
}
