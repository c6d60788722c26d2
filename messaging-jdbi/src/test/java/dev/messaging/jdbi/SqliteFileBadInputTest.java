package dev.messaging.jdbi;

import dev.messaging.contract.BadInputProperties;
import dev.messaging.spi.Store;

/** Generated bad input on a SQLite file. */
class SqliteFileBadInputTest extends BadInputProperties {
    @Override
    protected Store newStore() {
        return JdbiStore.sqlite(TestDatabases.newSqliteFile());
    }
}
