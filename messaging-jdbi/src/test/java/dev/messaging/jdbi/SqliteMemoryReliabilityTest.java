package dev.messaging.jdbi;

import dev.messaging.contract.ReliabilityContract;
import dev.messaging.spi.Store;

/** The reliability suite on an in-memory SQLite database. */
class SqliteMemoryReliabilityTest extends ReliabilityContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqliteInMemory();
    }
}
