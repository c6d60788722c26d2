package dev.messaging.jdbi;

import dev.messaging.contract.ConcurrencyContract;
import dev.messaging.spi.Store;

/** The concurrency contract on a SQLite file. */
class SqliteFileConcurrencyTest extends ConcurrencyContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqlite(TestDatabases.newSqliteFile());
    }
}
