package dev.messaging.jdbi;

import dev.messaging.contract.DeliveryLoadContract;
import dev.messaging.spi.Store;

/** The delivery suite's many workers and live changes under load on a SQLite file. */
class SqliteFileDeliveryLoadTest extends DeliveryLoadContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqlite(TestDatabases.newSqliteFile());
    }
}
