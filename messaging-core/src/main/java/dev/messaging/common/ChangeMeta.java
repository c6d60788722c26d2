package dev.messaging.common;

/**
 * The metadata about the most recent change to a record (Shopmonkey {@code meta}): who made it,
 * in which session, and the record's {@code version}, which starts at 1 and grows by one on
 * every change a caller makes.
 */
public record ChangeMeta(String userId, String sessionId, long version) {
    private static final ChangeMeta FIRST_BY_NOBODY_NAMED = new ChangeMeta(null, null, 1);

    /**
     * The meta of a record just created (version 1). Without a user or session (a customer's or
     * the system's write) every such record shares one instance: a meta per message was measured
     * in the in-memory store's heap.
     */
    public static ChangeMeta first(String userId, String sessionId) {
        return userId == null && sessionId == null ? FIRST_BY_NOBODY_NAMED : new ChangeMeta(userId, sessionId, 1);
    }

    /** The meta of the next version, changed by {@code byUserId} in {@code bySessionId}. */
    public ChangeMeta next(String byUserId, String bySessionId) {
        return new ChangeMeta(byUserId, bySessionId, version + 1);
    }
}
