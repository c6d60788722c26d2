-- Schema version 8: a smaller change feed, and a message's author type in one letter.
-- A feed row spells its entity type, operation and actor kind in one letter each (FeedCodes); a
-- message's creation names the message by its row key (entity_rid; entity_id is then null) and a
-- payload's conversationId names the conversation by its row key (conversation), the ids read back
-- through the keys; erasing a customer writes the ids back before it deletes their rows. The feed
-- has no index by time: pruning walks the key from the oldest entry to the first one not older than
-- its limit. (The payloads themselves are rewritten by version 9.)
CREATE TABLE change_feed_v8 (
    tenant       INTEGER NOT NULL,
    sequence     INTEGER NOT NULL,
    entity_type  TEXT    NOT NULL,
    entity_id    TEXT,
    version      INTEGER NOT NULL,
    operation    TEXT    NOT NULL,
    actor_kind   TEXT    NOT NULL,
    actor_id     TEXT,
    session_id   TEXT,
    time         INTEGER NOT NULL,
    customer_id  TEXT,
    payload      TEXT,
    entity_rid   INTEGER,
    conversation INTEGER,
    PRIMARY KEY (tenant, sequence)
) WITHOUT ROWID;

INSERT INTO change_feed_v8 (tenant, sequence, entity_type, entity_id, version, operation, actor_kind, actor_id,
    session_id, time, customer_id, payload, entity_rid, conversation)
SELECT f.tenant, f.sequence,
    CASE f.entity_type
        WHEN 'CONVERSATION' THEN 'c' WHEN 'MESSAGE' THEN 'm' WHEN 'THREAD' THEN 't'
        WHEN 'NOTIFICATION_CONFIG' THEN 'n' WHEN 'CUSTOMER' THEN 'u' WHEN 'OUTLET' THEN 'o'
        WHEN 'CONSENT' THEN 's' WHEN 'LOCATION_SETTINGS' THEN 'l' ELSE f.entity_type END,
    CASE WHEN m.rid IS NULL THEN f.entity_id END,
    f.version,
    CASE f.operation
        WHEN 'CREATE' THEN 'c' WHEN 'UPDATE' THEN 'u' WHEN 'DELETE' THEN 'd' WHEN 'RESTORE' THEN 'r'
        WHEN 'READ' THEN 'R' WHEN 'UNREAD' THEN 'U' WHEN 'READ_ALL' THEN 'A' WHEN 'DELIVERY' THEN 'D'
        WHEN 'ERASE' THEN 'E' ELSE f.operation END,
    CASE f.actor_kind WHEN 'USER' THEN 'u' WHEN 'CUSTOMER' THEN 'c' WHEN 'SYSTEM' THEN 's' ELSE f.actor_kind END,
    f.actor_id, f.session_id, f.time, f.customer_id, f.payload, m.rid, c.rid
FROM change_feed f
LEFT JOIN message m ON f.entity_type = 'MESSAGE' AND f.operation = 'CREATE' AND m.tenant = f.tenant
    AND m.id = f.entity_id
LEFT JOIN conversation c ON c.tenant = f.tenant AND c.id = json_extract(f.payload, '$.conversationId');

DROP TABLE change_feed;
ALTER TABLE change_feed_v8 RENAME TO change_feed;

UPDATE message SET author_type = CASE author_type
    WHEN 'Customer' THEN 'c' WHEN 'User' THEN 'u' WHEN 'System' THEN 's' ELSE author_type END;
