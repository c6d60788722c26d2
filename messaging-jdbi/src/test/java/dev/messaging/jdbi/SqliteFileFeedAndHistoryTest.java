package dev.messaging.jdbi;

import dev.messaging.contract.FeedAndHistoryContract;
import dev.messaging.spi.Store;

/** The rules of the change feed, consistency, guests, history import and notification config on a SQLite file. */
class SqliteFileFeedAndHistoryTest extends FeedAndHistoryContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqlite(TestDatabases.newSqliteFile());
    }
}
