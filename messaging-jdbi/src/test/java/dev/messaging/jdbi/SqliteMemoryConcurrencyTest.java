package dev.messaging.jdbi;

import dev.messaging.contract.ConcurrencyContract;
import dev.messaging.spi.Store;

/** The concurrency contract on an in-memory SQLite database. */
class SqliteMemoryConcurrencyTest extends ConcurrencyContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqliteInMemory();
    }
}
