package dev.messaging.jdbi;

import dev.messaging.contract.ScheduledDeliveryContract;
import dev.messaging.spi.Store;

/** The delivery suite's scheduled sends, quiet hours, consent and operator calls on PostgreSQL. */
class PostgresScheduledDeliveryTest extends ScheduledDeliveryContract {
    @Override
    protected Store newStore() {
        return JdbiStore.create(TestDatabases.postgresPool(PostgresDeliveryTest.DATABASE));
    }
}
