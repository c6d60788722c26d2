package dev.messaging.jdbi;

import dev.messaging.contract.SearchFiltersContract;
import dev.messaging.spi.Store;

/** The search's further filters on a SQLite file. */
class SqliteFileSearchFiltersTest extends SearchFiltersContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqlite(TestDatabases.newSqliteFile());
    }
}
