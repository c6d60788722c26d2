-- Schema version 2: guest conversations (hotel API) — outlets, conversation type and order, and
-- message language and translation.
CREATE TABLE outlet (
    company_id  TEXT    NOT NULL,
    location_id TEXT    NOT NULL,
    code        TEXT    NOT NULL,
    name        TEXT,
    active      INTEGER NOT NULL,
    sort_order  INTEGER NOT NULL,
    PRIMARY KEY (company_id, location_id, code)
);

ALTER TABLE conversation ADD COLUMN conversation_type TEXT;
ALTER TABLE conversation ADD COLUMN outlet_code TEXT;
ALTER TABLE conversation ADD COLUMN order_code TEXT;

ALTER TABLE message ADD COLUMN language_code TEXT;
ALTER TABLE message ADD COLUMN is_translated INTEGER NOT NULL DEFAULT 0;
ALTER TABLE message ADD COLUMN original_text TEXT;
