-- Schema version 5: delivery. The outbox (a message's sends and staff notifications, with their
-- leases), customers' consent per channel, each location's time zone and quiet window, and a
-- user's mute of a conversation.

CREATE TABLE delivery (
    rid                 INTEGER PRIMARY KEY,
    id                  TEXT    NOT NULL,
    tenant              INTEGER NOT NULL,
    purpose             TEXT    NOT NULL,
    channel             TEXT    NOT NULL,
    message_id          TEXT    NOT NULL,
    conversation_id     TEXT    NOT NULL,
    customer_id         TEXT    NOT NULL,
    recipient_user_id   TEXT,
    status              TEXT    NOT NULL,
    attempts            INTEGER NOT NULL,
    due_at              INTEGER NOT NULL,
    lease_holder        TEXT,
    lease_until         INTEGER,
    provider_message_id TEXT,
    last_error          TEXT,
    created_date        INTEGER NOT NULL,
    updated_date        INTEGER,
    version             INTEGER NOT NULL,
    UNIQUE (tenant, id)
);
-- what a claim walks: waiting deliveries of a channel in due order (a claim moves due_at to its lease's end)
CREATE INDEX delivery_due ON delivery (channel, due_at, rid) WHERE status IN ('Pending', 'Scheduled');
-- provider callbacks find a delivery by the provider's id
CREATE UNIQUE INDEX delivery_provider ON delivery (tenant, provider_message_id) WHERE provider_message_id IS NOT NULL;
CREATE INDEX delivery_message ON delivery (tenant, message_id);

CREATE TABLE consent (
    tenant      INTEGER NOT NULL,
    customer_id TEXT    NOT NULL,
    channel     TEXT    NOT NULL,
    subscribed  INTEGER NOT NULL,
    date        INTEGER,
    source      TEXT,
    reason      TEXT,
    PRIMARY KEY (tenant, customer_id, channel)
) WITHOUT ROWID;

CREATE TABLE location_settings (
    tenant      INTEGER NOT NULL PRIMARY KEY,
    time_zone   TEXT    NOT NULL,
    quiet_start TEXT    NOT NULL,
    quiet_end   TEXT    NOT NULL
);

ALTER TABLE thread ADD COLUMN muted INTEGER NOT NULL DEFAULT 0;
