package dev.messaging.jdbi;

import dev.messaging.contract.MessagingContract;
import dev.messaging.spi.Store;

/** The contract suite on PostgreSQL (embedded, one per test JVM). */
class PostgresMessagingTest extends MessagingContract {
    @Override
    protected Store newStore() {
        return JdbiStore.create(TestDatabases.postgresPool());
    }
}
