-- provider callbacks that came before the Sent they report on (no tenant has their id yet), kept
-- until that Sent is recorded; bounded in count and age by the library
CREATE TABLE early_report (
    rid                 INTEGER PRIMARY KEY,
    provider_message_id TEXT    NOT NULL,
    status              TEXT    NOT NULL,
    error               TEXT,
    received_at         INTEGER NOT NULL
);
CREATE INDEX early_report_provider ON early_report (provider_message_id);
