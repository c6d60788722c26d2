package dev.messaging.jdbi;

import dev.messaging.contract.SearchFiltersContract;
import dev.messaging.spi.Store;

/** The search's further filters on PostgreSQL. */
class PostgresSearchFiltersTest extends SearchFiltersContract {
    @Override
    protected Store newStore() {
        return JdbiStore.create(TestDatabases.postgresPool("search"));
    }
}
