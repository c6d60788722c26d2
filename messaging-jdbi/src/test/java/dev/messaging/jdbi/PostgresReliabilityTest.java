package dev.messaging.jdbi;

import dev.messaging.contract.ReliabilityContract;
import dev.messaging.spi.Store;

/** The reliability suite on PostgreSQL. */
class PostgresReliabilityTest extends ReliabilityContract {
    @Override
    protected Store newStore() {
        return JdbiStore.create(TestDatabases.postgresPool());
    }
}
