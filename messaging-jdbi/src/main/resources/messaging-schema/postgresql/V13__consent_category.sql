-- Consent per category (LeadConnector's custom subtypes: marketing apart from transactional, say):
-- a consent row keys its category too ('' for the channel as a whole), and each location's
-- categories have a table of their own.
ALTER TABLE consent ADD COLUMN category_id TEXT NOT NULL DEFAULT '';
ALTER TABLE consent DROP CONSTRAINT consent_pkey;
ALTER TABLE consent ADD PRIMARY KEY (tenant, customer_id, channel, category_id);

CREATE TABLE consent_category (
    tenant                       BIGINT  NOT NULL,
    id                           TEXT    NOT NULL,
    name                         TEXT    NOT NULL,
    description                  TEXT,
    channel                      TEXT,
    language_code                TEXT,
    archived                     BOOLEAN NOT NULL,
    resubscription_legal_form_id TEXT,
    created_date                 BIGINT  NOT NULL,
    updated_date                 BIGINT  NOT NULL,
    PRIMARY KEY (tenant, id)
);
