package dev.messaging.jdbi;

import dev.messaging.contract.CallbackProperties;
import dev.messaging.spi.Store;

/** Out-of-order provider callbacks on PostgreSQL (the delivery suite's database: claims read every tenant). */
class PostgresCallbackTest extends CallbackProperties {
    @Override
    protected Store newStore() {
        return JdbiStore.create(TestDatabases.postgresPool("delivery"));
    }
}
