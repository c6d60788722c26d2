-- Who follows a conversation and whom its internal notes mention (JSON arrays of user ids, null
-- for none), and who wrote its latest outbound message: its action ('manual' or 'automated') and
-- the date of the latest manual one (LeadConnector's search filters and sort).
ALTER TABLE conversation ADD COLUMN last_message_action TEXT;
ALTER TABLE conversation ADD COLUMN last_manual_message_date BIGINT;
ALTER TABLE conversation ADD COLUMN followers TEXT;
ALTER TABLE conversation ADD COLUMN mentions TEXT;
