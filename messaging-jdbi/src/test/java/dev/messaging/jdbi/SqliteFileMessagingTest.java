package dev.messaging.jdbi;

import dev.messaging.contract.MessagingContract;
import dev.messaging.spi.Store;

/** The contract suite on a SQLite file. */
class SqliteFileMessagingTest extends MessagingContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqlite(TestDatabases.newSqliteFile());
    }
}
