package dev.messaging.jdbi;

import dev.messaging.contract.FeedAndHistoryContract;
import dev.messaging.spi.Store;

/** The rules of the change feed, consistency, guests, history import and notification config on PostgreSQL (embedded, one per test JVM). */
class PostgresFeedAndHistoryTest extends FeedAndHistoryContract {
    @Override
    protected Store newStore() {
        return JdbiStore.create(TestDatabases.postgresPool());
    }
}
