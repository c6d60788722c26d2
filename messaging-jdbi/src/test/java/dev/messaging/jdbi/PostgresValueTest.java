package dev.messaging.jdbi;

import dev.messaging.contract.ValueContract;
import dev.messaging.spi.Store;

/** Values that read back, and the size limits, on PostgreSQL. */
class PostgresValueTest extends ValueContract {
    @Override
    protected Store newStore() {
        return JdbiStore.create(TestDatabases.postgresPool("values"));
    }
}
