package dev.messaging.jdbi;

import dev.messaging.contract.IsolationContract;
import dev.messaging.spi.Store;

/** Tenant isolation and authorization on a SQLite file. */
class SqliteFileIsolationTest extends IsolationContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqlite(TestDatabases.newSqliteFile());
    }
}
