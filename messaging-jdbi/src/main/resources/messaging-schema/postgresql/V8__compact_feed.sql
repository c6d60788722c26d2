-- Schema version 8: a smaller change feed, and a message's author type in one letter.
-- A feed row spells its entity type, operation and actor kind in one letter each (FeedCodes); a
-- message's creation may name the message by its row key (entity_rid; entity_id is then null) and
-- a payload's conversationId names the conversation by its row key (conversation), the ids read
-- back through the keys; erasing a customer writes the ids back before it deletes their rows. The
-- feed has no index by time: pruning walks the key from the oldest entry to the first one not older
-- than its limit. (The payloads themselves are rewritten by version 9.)
ALTER TABLE change_feed ALTER COLUMN entity_id DROP NOT NULL;
ALTER TABLE change_feed ADD COLUMN entity_rid BIGINT;
ALTER TABLE change_feed ADD COLUMN conversation BIGINT;

UPDATE change_feed f SET entity_rid = m.rid, entity_id = NULL
FROM message m
WHERE f.entity_type = 'MESSAGE' AND f.operation = 'CREATE' AND m.tenant = f.tenant AND m.id = f.entity_id;

UPDATE change_feed f SET conversation = c.rid
FROM conversation c
WHERE f.payload IS NOT NULL AND c.tenant = f.tenant AND c.id = (CAST(f.payload AS json) ->> 'conversationId');

UPDATE change_feed SET
    entity_type = CASE entity_type
        WHEN 'CONVERSATION' THEN 'c' WHEN 'MESSAGE' THEN 'm' WHEN 'THREAD' THEN 't'
        WHEN 'NOTIFICATION_CONFIG' THEN 'n' WHEN 'CUSTOMER' THEN 'u' WHEN 'OUTLET' THEN 'o'
        WHEN 'CONSENT' THEN 's' WHEN 'LOCATION_SETTINGS' THEN 'l' ELSE entity_type END,
    operation = CASE operation
        WHEN 'CREATE' THEN 'c' WHEN 'UPDATE' THEN 'u' WHEN 'DELETE' THEN 'd' WHEN 'RESTORE' THEN 'r'
        WHEN 'READ' THEN 'R' WHEN 'UNREAD' THEN 'U' WHEN 'READ_ALL' THEN 'A' WHEN 'DELIVERY' THEN 'D'
        WHEN 'ERASE' THEN 'E' ELSE operation END,
    actor_kind = CASE actor_kind
        WHEN 'USER' THEN 'u' WHEN 'CUSTOMER' THEN 'c' WHEN 'SYSTEM' THEN 's' ELSE actor_kind END;

DROP INDEX change_feed_time;

UPDATE message SET author_type = CASE author_type
    WHEN 'Customer' THEN 'c' WHEN 'User' THEN 'u' WHEN 'System' THEN 's' ELSE author_type END;
