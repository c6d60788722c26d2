package dev.messaging.jdbi;

import dev.messaging.contract.ChannelContract;
import dev.messaging.spi.Store;

/** Channels as data on a SQLite file. */
class SqliteFileChannelTest extends ChannelContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqlite(TestDatabases.newSqliteFile());
    }
}
