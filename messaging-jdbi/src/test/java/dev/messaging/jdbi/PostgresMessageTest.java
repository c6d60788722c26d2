package dev.messaging.jdbi;

import dev.messaging.contract.MessageContract;
import dev.messaging.spi.Store;

/** The rules of messages and bad input on PostgreSQL (embedded, one per test JVM). */
class PostgresMessageTest extends MessageContract {
    @Override
    protected Store newStore() {
        return JdbiStore.create(TestDatabases.postgresPool());
    }
}
