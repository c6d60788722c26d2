-- The store's own count of writes to a conversation row: every UPDATE increments it, so a reader
-- can tell whether a row it keeps in memory is still current (the domain version does not move
-- when only the summary or the counters change).
ALTER TABLE conversation ADD COLUMN row_version BIGINT NOT NULL DEFAULT 0;

-- The deleted customer messages of a conversation, for the count of those after a read point that
-- every inbox row needs: without it the count visits every customer message after the read point
-- (measured: 2 ms of a 2.2 ms SQLite page at 10,000 messages); with it, only the deleted ones.
CREATE INDEX message_customer_deleted ON message (conversation, customer_number)
    WHERE customer_number > 0 AND deleted;
