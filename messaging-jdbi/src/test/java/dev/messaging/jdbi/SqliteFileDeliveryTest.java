package dev.messaging.jdbi;

import dev.messaging.contract.DeliveryContract;
import dev.messaging.spi.Store;

/** The delivery suite on a SQLite file. */
class SqliteFileDeliveryTest extends DeliveryContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqlite(TestDatabases.newSqliteFile());
    }
}
