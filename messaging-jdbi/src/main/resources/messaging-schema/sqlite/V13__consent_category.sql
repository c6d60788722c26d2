-- Consent per category (LeadConnector's custom subtypes: marketing apart from transactional, say):
-- a consent row keys its category too ('' for the channel as a whole), and each location's
-- categories have a table of their own. SQLite cannot change a primary key: the table is rebuilt.
CREATE TABLE consent_by_category (
    tenant      INTEGER NOT NULL,
    customer_id TEXT    NOT NULL,
    channel     TEXT    NOT NULL,
    category_id TEXT    NOT NULL DEFAULT '',
    subscribed  INTEGER NOT NULL,
    date        INTEGER,
    source      TEXT,
    reason      TEXT,
    PRIMARY KEY (tenant, customer_id, channel, category_id)
) WITHOUT ROWID;
INSERT INTO consent_by_category (tenant, customer_id, channel, category_id, subscribed, date, source, reason)
    SELECT tenant, customer_id, channel, '', subscribed, date, source, reason FROM consent;
DROP TABLE consent;
ALTER TABLE consent_by_category RENAME TO consent;

CREATE TABLE consent_category (
    tenant                       INTEGER NOT NULL,
    id                           TEXT    NOT NULL,
    name                         TEXT    NOT NULL,
    description                  TEXT,
    channel                      TEXT,
    language_code                TEXT,
    archived                     INTEGER NOT NULL,
    resubscription_legal_form_id TEXT,
    created_date                 INTEGER NOT NULL,
    updated_date                 INTEGER NOT NULL,
    PRIMARY KEY (tenant, id)
) WITHOUT ROWID;
