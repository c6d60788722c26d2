package dev.messaging.view.shopmonkey;

import dev.messaging.common.ChangeMeta;

/** The Shopmonkey {@code meta} of a record: the most recent change's user, session and version. */
public record ShopmonkeyMeta(String userId, String sessionId, Long version) {

    /** {@code meta} on the wire (null for null). */
    public static ShopmonkeyMeta from(ChangeMeta meta) {
        return meta == null ? null : new ShopmonkeyMeta(meta.userId(), meta.sessionId(), meta.version());
    }

    /** The domain meta (version 1 when the wire has none). */
    public ChangeMeta toDomain() {
        return new ChangeMeta(userId, sessionId, version == null ? 1 : version);
    }
}
