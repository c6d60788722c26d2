package dev.messaging.jdbi;

import dev.messaging.contract.FeedAndHistoryContract;
import dev.messaging.spi.Store;

/** The rules of the change feed, consistency, guests, history import and notification config on an in-memory SQLite database (one shared connection). */
class SqliteMemoryFeedAndHistoryTest extends FeedAndHistoryContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqliteInMemory();
    }
}
