package dev.messaging.jdbi;

import dev.messaging.contract.IsolationContract;
import dev.messaging.spi.Store;

/** Tenant isolation and authorization on PostgreSQL (a database of its own: its claims read every tenant). */
class PostgresIsolationTest extends IsolationContract {
    @Override
    protected Store newStore() {
        return JdbiStore.create(TestDatabases.postgresPool("isolation"));
    }
}
