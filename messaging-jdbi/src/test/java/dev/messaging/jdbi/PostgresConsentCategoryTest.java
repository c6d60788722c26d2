package dev.messaging.jdbi;

import dev.messaging.contract.ConsentCategoryContract;
import dev.messaging.spi.Store;

/** Consent per category on PostgreSQL. */
class PostgresConsentCategoryTest extends ConsentCategoryContract {
    @Override
    protected Store newStore() {
        return JdbiStore.create(TestDatabases.postgresPool("consent"));
    }
}
