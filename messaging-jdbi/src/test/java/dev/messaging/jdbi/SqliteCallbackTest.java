package dev.messaging.jdbi;

import dev.messaging.contract.CallbackProperties;
import dev.messaging.spi.Store;

/** Out-of-order provider callbacks on a SQLite file. */
class SqliteCallbackTest extends CallbackProperties {
    @Override
    protected Store newStore() {
        return JdbiStore.sqlite(TestDatabases.newSqliteFile());
    }
}
