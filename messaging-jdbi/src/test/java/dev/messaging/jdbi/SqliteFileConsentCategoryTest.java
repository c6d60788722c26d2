package dev.messaging.jdbi;

import dev.messaging.contract.ConsentCategoryContract;
import dev.messaging.spi.Store;

/** Consent per category on a SQLite file. */
class SqliteFileConsentCategoryTest extends ConsentCategoryContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqlite(TestDatabases.newSqliteFile());
    }
}
