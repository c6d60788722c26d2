package dev.messaging.jdbi;

import dev.messaging.contract.ValueContract;
import dev.messaging.spi.Store;

/** Values that read back, and the size limits, on a SQLite file. */
class SqliteFileValueTest extends ValueContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqlite(TestDatabases.newSqliteFile());
    }
}
