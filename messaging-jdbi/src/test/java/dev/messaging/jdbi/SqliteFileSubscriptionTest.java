package dev.messaging.jdbi;

import dev.messaging.contract.SubscriptionContract;
import dev.messaging.spi.Store;

/** Subscriptions at scale on a SQLite file. */
class SqliteFileSubscriptionTest extends SubscriptionContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqlite(TestDatabases.newSqliteFile());
    }
}
