package dev.messaging.jdbi;

import dev.messaging.contract.InboxContract;
import dev.messaging.spi.Store;

/** The rules of unread counts, the inbox and search on an in-memory SQLite database (one shared connection). */
class SqliteMemoryInboxTest extends InboxContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqliteInMemory();
    }
}
