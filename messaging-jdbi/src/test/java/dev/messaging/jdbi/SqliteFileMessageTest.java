package dev.messaging.jdbi;

import dev.messaging.contract.MessageContract;
import dev.messaging.spi.Store;

/** The rules of messages and bad input on a SQLite file. */
class SqliteFileMessageTest extends MessageContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqlite(TestDatabases.newSqliteFile());
    }
}
