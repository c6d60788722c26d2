package dev.messaging.jdbi;

import dev.messaging.contract.SenderContract;
import dev.messaging.spi.Store;

/** The delivery suite's staff notifications and senders on a SQLite file. */
class SqliteFileSenderTest extends SenderContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqlite(TestDatabases.newSqliteFile());
    }
}
