package dev.messaging.jdbi;

import dev.messaging.contract.InboxContract;
import dev.messaging.spi.Store;

/** The rules of unread counts, the inbox and search on a SQLite file. */
class SqliteFileInboxTest extends InboxContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqlite(TestDatabases.newSqliteFile());
    }
}
