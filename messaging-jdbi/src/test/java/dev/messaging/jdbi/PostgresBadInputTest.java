package dev.messaging.jdbi;

import dev.messaging.contract.BadInputProperties;
import dev.messaging.spi.Store;

/** Generated bad input on PostgreSQL. */
class PostgresBadInputTest extends BadInputProperties {
    @Override
    protected Store newStore() {
        return JdbiStore.create(TestDatabases.postgresPool());
    }
}
