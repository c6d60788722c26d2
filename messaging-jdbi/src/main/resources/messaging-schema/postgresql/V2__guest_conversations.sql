-- Schema version 2: guest conversations (hotel API) — outlets, conversation type and order, and
-- message language and translation.
CREATE TABLE outlet (
    company_id  TEXT    NOT NULL,
    location_id TEXT    NOT NULL,
    code        TEXT    NOT NULL,
    name        TEXT,
    active      BOOLEAN NOT NULL,
    sort_order  INTEGER NOT NULL,
    PRIMARY KEY (company_id, location_id, code)
);

ALTER TABLE conversation ADD COLUMN conversation_type TEXT;
ALTER TABLE conversation ADD COLUMN outlet_code TEXT;
ALTER TABLE conversation ADD COLUMN order_code TEXT;

ALTER TABLE message ADD COLUMN language_code TEXT;
ALTER TABLE message ADD COLUMN is_translated BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE message ADD COLUMN original_text TEXT;
