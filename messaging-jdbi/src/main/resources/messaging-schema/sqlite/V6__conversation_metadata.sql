-- A conversation's metadata: the service's own JSON object (Shopmonkey metadata), as Jackson writes it.
ALTER TABLE conversation ADD COLUMN metadata TEXT;
