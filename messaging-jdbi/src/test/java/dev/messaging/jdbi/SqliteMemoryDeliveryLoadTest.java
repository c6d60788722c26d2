package dev.messaging.jdbi;

import dev.messaging.contract.DeliveryLoadContract;
import dev.messaging.spi.Store;

/** The delivery suite's many workers and live changes under load on an in-memory SQLite database. */
class SqliteMemoryDeliveryLoadTest extends DeliveryLoadContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqliteInMemory();
    }
}
