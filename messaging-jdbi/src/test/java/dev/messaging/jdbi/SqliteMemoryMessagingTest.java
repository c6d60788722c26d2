package dev.messaging.jdbi;

import dev.messaging.contract.MessagingContract;
import dev.messaging.spi.Store;

/** The contract suite on an in-memory SQLite database (one shared connection). */
class SqliteMemoryMessagingTest extends MessagingContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqliteInMemory();
    }
}
