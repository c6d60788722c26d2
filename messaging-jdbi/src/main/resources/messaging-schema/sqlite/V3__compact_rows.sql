-- Schema version 3: compact rows. Every row refers to its tenant by an integer key, and a message to
-- its conversation by the conversation's row key; a message keeps its queried fields as columns and
-- the rest as one JSON document (details); one index per conversation lookup instead of six; the
-- text index is keyed by the message's row key (or minus the conversation's, for a contact), so no
-- side table maps documents. The search index is rebuilt by the next (Java) migration.

ALTER TABLE tenant RENAME TO tenant_v2;
ALTER TABLE conversation RENAME TO conversation_v2;
ALTER TABLE message RENAME TO message_v2;
ALTER TABLE thread RENAME TO thread_v2;
ALTER TABLE user_state RENAME TO user_state_v2;
ALTER TABLE notification_config RENAME TO notification_config_v2;
ALTER TABLE outlet RENAME TO outlet_v2;
ALTER TABLE change_feed RENAME TO change_feed_v2;
DROP TABLE search_fts;
DROP TABLE search_doc;
DROP INDEX conversation_live_customer;
DROP INDEX conversation_inbox;
DROP INDEX conversation_created;
DROP INDEX conversation_activity;
DROP INDEX conversation_customer;
DROP INDEX message_client_id;
DROP INDEX message_conversation;
DROP INDEX message_conversation_live;
DROP INDEX message_customer_live;
DROP INDEX message_customer_deleted;
DROP INDEX message_customer_feed;
DROP INDEX change_feed_customer;
DROP INDEX change_feed_time;

-- One row per tenant: its key, and the change-feed head.
CREATE TABLE tenant (
    id          INTEGER PRIMARY KEY,
    company_id  TEXT    NOT NULL,
    location_id TEXT    NOT NULL,
    feed_head   INTEGER NOT NULL,
    UNIQUE (company_id, location_id)
);

CREATE TABLE conversation (
    rid                         INTEGER PRIMARY KEY,
    id                          TEXT    NOT NULL,
    tenant                      INTEGER NOT NULL REFERENCES tenant (id),
    customer_id                 TEXT    NOT NULL,
    created_date                INTEGER NOT NULL,
    updated_date                INTEGER,
    meta_user_id                TEXT,
    meta_session_id             TEXT,
    version                     INTEGER NOT NULL,
    row_seq                     INTEGER NOT NULL,
    contact                     TEXT,
    assigned_to                 TEXT,
    channel                     TEXT,
    archived                    INTEGER NOT NULL,
    status                      TEXT    NOT NULL,
    snoozed_until               INTEGER,
    subject                     TEXT,
    order_id                    TEXT,
    deleted                     INTEGER NOT NULL,
    deleted_user_id             TEXT,
    deleted_date                INTEGER,
    deleted_reason              TEXT,
    last_message_date           INTEGER,
    last_message_body           TEXT,
    last_message_type           TEXT,
    last_message_id             TEXT,
    last_message_direction      TEXT,
    customer_count              INTEGER NOT NULL,
    deleted_customer_count      INTEGER NOT NULL,
    last_live_customer_number   INTEGER NOT NULL,
    last_live_customer_feed_seq INTEGER NOT NULL,
    last_customer_feed_seq      INTEGER NOT NULL,
    shop_read_number            INTEGER NOT NULL,
    conversation_type           TEXT,
    outlet_code                 TEXT,
    order_code                  TEXT,
    UNIQUE (tenant, id)
);
-- one live conversation per customer
CREATE UNIQUE INDEX conversation_live_customer ON conversation (tenant, customer_id) WHERE NOT deleted;
-- the inbox: newest first, keyset-paged
CREATE INDEX conversation_inbox ON conversation (tenant, last_message_date DESC, id DESC)
    WHERE NOT deleted AND last_message_date IS NOT NULL;
-- conversation search sort keys, and a customer's conversations (deleted ones too)
CREATE INDEX conversation_created ON conversation (tenant, created_date, id);
CREATE INDEX conversation_activity ON conversation (tenant, coalesce(last_message_date, created_date), id);
CREATE INDEX conversation_customer ON conversation (tenant, customer_id);

-- details: the message's other fields, as Jackson writes the store's MessageDetails record
CREATE TABLE message (
    rid               INTEGER PRIMARY KEY,
    id                TEXT    NOT NULL,
    tenant            INTEGER NOT NULL,
    conversation      INTEGER NOT NULL REFERENCES conversation (rid),
    created_date      INTEGER NOT NULL,
    updated_date      INTEGER,
    meta_user_id      TEXT,
    meta_session_id   TEXT,
    version           INTEGER NOT NULL,
    deleted           INTEGER NOT NULL,
    deleted_user_id   TEXT,
    deleted_date      INTEGER,
    deleted_reason    TEXT,
    author_type       TEXT    NOT NULL,
    user_id           TEXT,
    text              TEXT    NOT NULL,
    client_message_id TEXT,
    customer_number   INTEGER NOT NULL,
    feed_seq          INTEGER NOT NULL,
    details           TEXT,
    UNIQUE (tenant, id)
);
CREATE UNIQUE INDEX message_client_id ON message (tenant, client_message_id) WHERE client_message_id IS NOT NULL;
-- a conversation's messages in order (lists, its newest live message)
CREATE INDEX message_conversation ON message (conversation, created_date, id);
-- its customer messages by number (unread horizons: the newest live one, deleted ones above a
-- horizon, the first live one above it, the number a feed sequence had reached)
CREATE INDEX message_customer ON message (conversation, customer_number) WHERE customer_number > 0;

CREATE TABLE thread (
    conversation    INTEGER NOT NULL REFERENCES conversation (rid),
    user_id         TEXT    NOT NULL,
    created_date    INTEGER NOT NULL,
    updated_date    INTEGER,
    meta_user_id    TEXT,
    meta_session_id TEXT,
    version         INTEGER NOT NULL,
    read_number     INTEGER NOT NULL,
    read_feed_seq   INTEGER NOT NULL,
    archived_seq    INTEGER NOT NULL,
    important       INTEGER NOT NULL,
    PRIMARY KEY (conversation, user_id)
) WITHOUT ROWID;

CREATE TABLE user_state (
    tenant       INTEGER NOT NULL,
    user_id      TEXT    NOT NULL,
    all_read_seq INTEGER NOT NULL,
    PRIMARY KEY (tenant, user_id)
) WITHOUT ROWID;

CREATE TABLE notification_config (
    tenant      INTEGER NOT NULL,
    user_id     TEXT    NOT NULL,
    send_email  INTEGER NOT NULL,
    send_in_app INTEGER NOT NULL,
    send_sms    INTEGER NOT NULL,
    PRIMARY KEY (tenant, user_id)
) WITHOUT ROWID;

CREATE TABLE outlet (
    tenant     INTEGER NOT NULL,
    code       TEXT    NOT NULL,
    name       TEXT,
    active     INTEGER NOT NULL,
    sort_order INTEGER NOT NULL,
    PRIMARY KEY (tenant, code)
) WITHOUT ROWID;

-- Erasing a customer scans its tenant's feed (no index on customer_id: erasure is rare, the feed large).
CREATE TABLE change_feed (
    tenant      INTEGER NOT NULL,
    sequence    INTEGER NOT NULL,
    entity_type TEXT    NOT NULL,
    entity_id   TEXT    NOT NULL,
    version     INTEGER NOT NULL,
    operation   TEXT    NOT NULL,
    actor_kind  TEXT    NOT NULL,
    actor_id    TEXT,
    session_id  TEXT,
    time        INTEGER NOT NULL,
    customer_id TEXT,
    payload     TEXT,
    PRIMARY KEY (tenant, sequence)
) WITHOUT ROWID;
CREATE INDEX change_feed_time ON change_feed (tenant, time);

-- Text search: the tokens core's TextTokens made, one document per live message (rowid = the
-- message's rid) and per contact (rowid = minus the conversation's rid).
-- The ascii tokenizer keeps each of core's tokens as it is (core folds; the index must not fold again).
CREATE VIRTUAL TABLE search_fts USING fts5(tokens, content='', contentless_delete=1, detail=none, tokenize='ascii');

INSERT INTO tenant (company_id, location_id, feed_head)
SELECT company_id, location_id, feed_head FROM tenant_v2 ORDER BY company_id, location_id;

INSERT INTO conversation (id, tenant, customer_id, created_date, updated_date, meta_user_id, meta_session_id, version,
    row_seq, contact, assigned_to, channel, archived, status, snoozed_until, subject, order_id, deleted,
    deleted_user_id, deleted_date, deleted_reason, last_message_date, last_message_body, last_message_type,
    last_message_id, last_message_direction, customer_count, deleted_customer_count, last_live_customer_number,
    last_live_customer_feed_seq, last_customer_feed_seq, shop_read_number, conversation_type, outlet_code, order_code)
SELECT c.id, t.id, c.customer_id, c.created_date, c.updated_date, c.meta_user_id, c.meta_session_id, c.version,
    t.feed_head, c.contact, c.assigned_to, c.channel, c.archived, c.status, c.snoozed_until, c.subject, c.order_id,
    c.deleted, c.deleted_user_id, c.deleted_date, c.deleted_reason, c.last_message_date, c.last_message_body,
    c.last_message_type, c.last_message_id, c.last_message_direction, c.customer_count, c.deleted_customer_count,
    c.last_live_customer_number, c.last_live_customer_feed_seq, c.last_customer_feed_seq, c.shop_read_number,
    c.conversation_type, c.outlet_code, c.order_code
FROM conversation_v2 c JOIN tenant t ON t.company_id = c.company_id AND t.location_id = c.location_id
ORDER BY c.created_date, c.id;

INSERT INTO message (id, tenant, conversation, created_date, updated_date, meta_user_id, meta_session_id, version,
    deleted, deleted_user_id, deleted_date, deleted_reason, author_type, user_id, text, client_message_id,
    customer_number, feed_seq, details)
SELECT m.id, c.tenant, c.rid, m.created_date, m.updated_date, m.meta_user_id, m.meta_session_id, m.version,
    m.deleted, m.deleted_user_id, m.deleted_date, m.deleted_reason, m.author_type, m.user_id, m.text,
    m.client_message_id, m.customer_number, m.feed_seq,
    json_object(
        'type', m.type, 'origin', m.origin, 'channel', m.channel, 'direction', m.direction, 'userColor', m.user_color,
        'internal', CASE WHEN m.internal IS NULL THEN NULL WHEN m.internal THEN json('true') ELSE json('false') END,
        'detached', json(CASE WHEN m.detached THEN 'true' ELSE 'false' END),
        'imported', json(CASE WHEN m.imported THEN 'true' ELSE 'false' END),
        'email', json_object('requested',
            CASE WHEN m.send_email IS NULL THEN NULL WHEN m.send_email THEN json('true') ELSE json('false') END,
            'status', m.email_status, 'error', m.email_error, 'history', json(coalesce(m.email_deliveries, '[]'))),
        'sms', json_object('requested',
            CASE WHEN m.send_sms IS NULL THEN NULL WHEN m.send_sms THEN json('true') ELSE json('false') END,
            'status', m.sms_status, 'error', m.sms_error, 'history', json(coalesce(m.sms_deliveries, '[]'))),
        'emailOptions', json_object('subject', m.email_subject, 'emailId', m.email_id,
            'details', json(m.email_details)),
        'smsOptions', json_object('phoneNumberId', m.phone_number_id,
            'avoidQuietHours', json(CASE WHEN m.avoid_sms_quiet_hours THEN 'true' ELSE 'false' END)),
        'order', json_object('orderId', m.order_id, 'orderNumber', m.order_number,
            'isShare', json(CASE WHEN m.is_order_share THEN 'true' ELSE 'false' END), 'shareType', m.order_share_type),
        'appointment', json_object('appointmentId', m.appointment_id,
            'requestConfirmation', json(CASE WHEN m.request_appointment_confirmation THEN 'true' ELSE 'false' END),
            'event', m.appointment_event),
        'links', json_object('vehicleId', m.vehicle_id, 'vendorId', m.vendor_id,
            'locationReviewRequestId', m.location_review_request_id, 'oneTimeCampaignId', m.one_time_campaign_id,
            'automatedCampaignId', m.automated_campaign_id),
        'suggestedReply', json_object('text', m.suggested_reply, 'state', m.suggested_reply_state),
        'translation', json_object('languageCode', m.language_code,
            'isTranslated', json(CASE WHEN m.is_translated THEN 'true' ELSE 'false' END), 'originalText', m.original_text),
        'files', json(coalesce(m.files, '[]')),
        'metadata', json(coalesce(m.metadata, '{}')))
FROM message_v2 m JOIN conversation_v2 o ON o.id = m.conversation_id
JOIN tenant t ON t.company_id = o.company_id AND t.location_id = o.location_id
JOIN conversation c ON c.tenant = t.id AND c.id = m.conversation_id
ORDER BY m.created_date, m.id;

INSERT INTO thread (conversation, user_id, created_date, updated_date, meta_user_id, meta_session_id, version,
    read_number, read_feed_seq, archived_seq, important)
SELECT c.rid, t.user_id, t.created_date, t.updated_date, t.meta_user_id, t.meta_session_id, t.version, t.read_number,
    t.read_feed_seq, t.archived_seq, t.important
FROM thread_v2 t JOIN tenant n ON n.company_id = t.company_id AND n.location_id = t.location_id
JOIN conversation c ON c.tenant = n.id AND c.id = t.conversation_id;

INSERT INTO user_state (tenant, user_id, all_read_seq)
SELECT t.id, u.user_id, u.all_read_seq FROM user_state_v2 u
JOIN tenant t ON t.company_id = u.company_id AND t.location_id = u.location_id;

INSERT INTO notification_config (tenant, user_id, send_email, send_in_app, send_sms)
SELECT t.id, n.user_id, n.send_email, n.send_in_app, n.send_sms FROM notification_config_v2 n
JOIN tenant t ON t.company_id = n.company_id AND t.location_id = n.location_id;

INSERT INTO outlet (tenant, code, name, active, sort_order)
SELECT t.id, o.code, o.name, o.active, o.sort_order FROM outlet_v2 o
JOIN tenant t ON t.company_id = o.company_id AND t.location_id = o.location_id;

INSERT INTO change_feed (tenant, sequence, entity_type, entity_id, version, operation, actor_kind, actor_id,
    session_id, time, customer_id, payload)
SELECT t.id, f.sequence, f.entity_type, f.entity_id, f.version, f.operation, f.actor_kind, f.actor_id, f.session_id,
    f.time, f.customer_id, f.payload FROM change_feed_v2 f
JOIN tenant t ON t.company_id = f.company_id AND t.location_id = f.location_id;

DROP TABLE thread_v2;
DROP TABLE message_v2;
DROP TABLE conversation_v2;
DROP TABLE user_state_v2;
DROP TABLE notification_config_v2;
DROP TABLE outlet_v2;
DROP TABLE change_feed_v2;
DROP TABLE tenant_v2;
