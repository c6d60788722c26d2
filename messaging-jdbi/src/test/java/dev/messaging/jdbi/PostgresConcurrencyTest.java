package dev.messaging.jdbi;

import dev.messaging.contract.ConcurrencyContract;
import dev.messaging.spi.Store;

/** The concurrency contract on PostgreSQL. */
class PostgresConcurrencyTest extends ConcurrencyContract {
    @Override
    protected Store newStore() {
        return JdbiStore.create(TestDatabases.postgresPool());
    }
}
