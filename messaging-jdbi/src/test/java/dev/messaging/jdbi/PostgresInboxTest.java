package dev.messaging.jdbi;

import dev.messaging.contract.InboxContract;
import dev.messaging.spi.Store;

/** The rules of unread counts, the inbox and search on PostgreSQL (embedded, one per test JVM). */
class PostgresInboxTest extends InboxContract {
    @Override
    protected Store newStore() {
        return JdbiStore.create(TestDatabases.postgresPool());
    }
}
