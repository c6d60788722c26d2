package dev.messaging.jdbi;

import dev.messaging.contract.SenderContract;
import dev.messaging.spi.Store;

/** The delivery suite's staff notifications and senders on an in-memory SQLite database. */
class SqliteMemorySenderTest extends SenderContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqliteInMemory();
    }
}
