-- messaging schema, version 1 (PostgreSQL). Times are epoch milliseconds; enums are their wire
-- values; JSON columns hold Jackson-written JSON text. Every row carries its tenant.

-- One row per tenant: the change-feed head. Every write transaction locks it first (FOR UPDATE),
-- which serializes a tenant's writers across instances and keeps the feed gap-free and in order.
CREATE TABLE tenant (
    company_id  TEXT   NOT NULL,
    location_id TEXT   NOT NULL,
    feed_head   BIGINT NOT NULL,
    PRIMARY KEY (company_id, location_id)
);

CREATE TABLE conversation (
    id                          TEXT    NOT NULL PRIMARY KEY,
    company_id                  TEXT    NOT NULL,
    location_id                 TEXT    NOT NULL,
    customer_id                 TEXT    NOT NULL,
    created_date                BIGINT  NOT NULL,
    updated_date                BIGINT,
    meta_user_id                TEXT,
    meta_session_id             TEXT,
    version                     BIGINT  NOT NULL,
    contact                     TEXT,
    assigned_to                 TEXT,
    channel                     TEXT,
    archived                    BOOLEAN NOT NULL,
    status                      TEXT    NOT NULL,
    snoozed_until               BIGINT,
    subject                     TEXT,
    order_id                    TEXT,
    deleted                     BOOLEAN NOT NULL,
    deleted_user_id             TEXT,
    deleted_date                BIGINT,
    deleted_reason              TEXT,
    last_message_date           BIGINT,
    last_message_body           TEXT,
    last_message_type           TEXT,
    last_message_id             TEXT,
    last_message_direction      TEXT,
    customer_count              INTEGER NOT NULL,
    deleted_customer_count      INTEGER NOT NULL,
    last_live_customer_number   INTEGER NOT NULL,
    last_live_customer_feed_seq BIGINT  NOT NULL,
    last_customer_feed_seq      BIGINT  NOT NULL,
    shop_read_number            INTEGER NOT NULL
);
CREATE UNIQUE INDEX conversation_live_customer ON conversation (company_id, location_id, customer_id) WHERE NOT deleted;
CREATE INDEX conversation_inbox ON conversation (company_id, location_id, last_message_date DESC, id DESC)
    WHERE NOT deleted AND last_message_date IS NOT NULL;
CREATE INDEX conversation_created ON conversation (company_id, location_id, created_date, id);
CREATE INDEX conversation_activity ON conversation (company_id, location_id, coalesce(last_message_date, created_date), id);
CREATE INDEX conversation_customer ON conversation (company_id, location_id, customer_id);

CREATE TABLE message (
    id                               TEXT    NOT NULL PRIMARY KEY,
    company_id                       TEXT    NOT NULL,
    location_id                      TEXT    NOT NULL,
    conversation_id                  TEXT    NOT NULL REFERENCES conversation (id),
    customer_id                      TEXT,
    created_date                     BIGINT  NOT NULL,
    updated_date                     BIGINT,
    meta_user_id                     TEXT,
    meta_session_id                  TEXT,
    version                          BIGINT  NOT NULL,
    metadata                         TEXT,
    type                             TEXT    NOT NULL,
    text                             TEXT    NOT NULL,
    send_email                       BOOLEAN,
    email_subject                    TEXT,
    email_status                     TEXT,
    email_error                      TEXT,
    send_sms                         BOOLEAN,
    sms_status                       TEXT,
    sms_error                        TEXT,
    author_type                      TEXT    NOT NULL,
    origin                           TEXT,
    is_order_share                   BOOLEAN NOT NULL,
    order_share_type                 TEXT,
    user_id                          TEXT,
    order_id                         TEXT,
    order_number                     TEXT,
    appointment_id                   TEXT,
    vehicle_id                       TEXT,
    vendor_id                        TEXT,
    internal                         BOOLEAN,
    detached                         BOOLEAN NOT NULL,
    deleted                          BOOLEAN NOT NULL,
    deleted_user_id                  TEXT,
    deleted_date                     BIGINT,
    deleted_reason                   TEXT,
    location_review_request_id       TEXT,
    one_time_campaign_id             TEXT,
    automated_campaign_id            TEXT,
    suggested_reply                  TEXT,
    suggested_reply_state            TEXT,
    request_appointment_confirmation BOOLEAN NOT NULL,
    appointment_event                TEXT,
    avoid_sms_quiet_hours            BOOLEAN NOT NULL,
    imported                         BOOLEAN NOT NULL,
    email_id                         TEXT,
    phone_number_id                  TEXT,
    email_deliveries                 TEXT,
    sms_deliveries                   TEXT,
    files                            TEXT,
    user_color                       TEXT,
    client_message_id                TEXT,
    channel                          TEXT,
    direction                        TEXT,
    email_details                    TEXT,
    customer_number                  INTEGER NOT NULL,
    feed_seq                         BIGINT  NOT NULL
);
CREATE UNIQUE INDEX message_client_id ON message (company_id, location_id, client_message_id)
    WHERE client_message_id IS NOT NULL;
-- a conversation's messages in order: all of them (lists with deleted), the live ones (lists, newest live message)
CREATE INDEX message_conversation ON message (conversation_id, created_date, id);
CREATE INDEX message_conversation_live ON message (conversation_id, created_date, id) WHERE NOT deleted;
-- customer messages by number (unread horizons): live ones, deleted ones, and by creating feed sequence
CREATE INDEX message_customer_live ON message (conversation_id, customer_number) WHERE customer_number > 0 AND NOT deleted;
CREATE INDEX message_customer_deleted ON message (conversation_id, customer_number) WHERE customer_number > 0 AND deleted;
CREATE INDEX message_customer_feed ON message (conversation_id, feed_seq) WHERE customer_number > 0;

CREATE TABLE thread (
    conversation_id TEXT    NOT NULL REFERENCES conversation (id),
    user_id         TEXT    NOT NULL,
    company_id      TEXT    NOT NULL,
    location_id     TEXT    NOT NULL,
    created_date    BIGINT  NOT NULL,
    updated_date    BIGINT,
    meta_user_id    TEXT,
    meta_session_id TEXT,
    version         BIGINT  NOT NULL,
    read_number     INTEGER NOT NULL,
    read_feed_seq   BIGINT  NOT NULL,
    archived_seq    BIGINT  NOT NULL,
    important       BOOLEAN NOT NULL,
    PRIMARY KEY (conversation_id, user_id)
);

CREATE TABLE user_state (
    company_id   TEXT   NOT NULL,
    location_id  TEXT   NOT NULL,
    user_id      TEXT   NOT NULL,
    all_read_seq BIGINT NOT NULL,
    PRIMARY KEY (company_id, location_id, user_id)
);

CREATE TABLE notification_config (
    company_id  TEXT    NOT NULL,
    location_id TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    send_email  BOOLEAN NOT NULL,
    send_in_app BOOLEAN NOT NULL,
    send_sms    BOOLEAN NOT NULL,
    PRIMARY KEY (company_id, location_id, user_id)
);

CREATE TABLE change_feed (
    company_id  TEXT   NOT NULL,
    location_id TEXT   NOT NULL,
    sequence    BIGINT NOT NULL,
    entity_type TEXT   NOT NULL,
    entity_id   TEXT   NOT NULL,
    version     BIGINT NOT NULL,
    operation   TEXT   NOT NULL,
    actor_kind  TEXT   NOT NULL,
    actor_id    TEXT,
    session_id  TEXT,
    time        BIGINT NOT NULL,
    customer_id TEXT,
    payload     TEXT,
    PRIMARY KEY (company_id, location_id, sequence)
);
CREATE INDEX change_feed_customer ON change_feed (company_id, location_id, customer_id) WHERE customer_id IS NOT NULL;
CREATE INDEX change_feed_time ON change_feed (company_id, location_id, time);

-- Text search: one document per live message and per conversation's contact, holding the tokens
-- core's TextTokens made; matched by prefix through a GIN index.
CREATE TABLE search_doc (
    doc_key         TEXT     NOT NULL PRIMARY KEY,
    company_id      TEXT     NOT NULL,
    location_id     TEXT     NOT NULL,
    conversation_id TEXT     NOT NULL,
    tokens          tsvector NOT NULL
);
CREATE INDEX search_doc_conversation ON search_doc (conversation_id);
CREATE INDEX search_doc_tokens ON search_doc USING gin (tokens);
