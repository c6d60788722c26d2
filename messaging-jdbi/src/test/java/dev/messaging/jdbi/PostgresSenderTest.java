package dev.messaging.jdbi;

import dev.messaging.contract.SenderContract;
import dev.messaging.spi.Store;

/** The delivery suite's staff notifications and senders on PostgreSQL. */
class PostgresSenderTest extends SenderContract {
    @Override
    protected Store newStore() {
        return JdbiStore.create(TestDatabases.postgresPool(PostgresDeliveryTest.DATABASE));
    }
}
