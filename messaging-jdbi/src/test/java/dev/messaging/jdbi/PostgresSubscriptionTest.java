package dev.messaging.jdbi;

import dev.messaging.contract.SubscriptionContract;
import dev.messaging.spi.Store;

/** Subscriptions at scale on PostgreSQL. */
class PostgresSubscriptionTest extends SubscriptionContract {
    @Override
    protected Store newStore() {
        return JdbiStore.create(TestDatabases.postgresPool("subscriptions"));
    }
}
