package dev.messaging.jdbi;

import dev.messaging.contract.ReliabilityContract;
import dev.messaging.spi.Store;

/** The reliability suite on a SQLite file. */
class SqliteFileReliabilityTest extends ReliabilityContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqlite(TestDatabases.newSqliteFile());
    }
}
