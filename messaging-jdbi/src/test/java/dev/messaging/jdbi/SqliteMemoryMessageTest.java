package dev.messaging.jdbi;

import dev.messaging.contract.MessageContract;
import dev.messaging.spi.Store;

/** The rules of messages and bad input on an in-memory SQLite database (one shared connection). */
class SqliteMemoryMessageTest extends MessageContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqliteInMemory();
    }
}
