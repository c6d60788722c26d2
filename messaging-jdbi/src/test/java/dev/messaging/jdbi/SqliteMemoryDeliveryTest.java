package dev.messaging.jdbi;

import dev.messaging.contract.DeliveryContract;
import dev.messaging.spi.Store;

/** The delivery suite on an in-memory SQLite database. */
class SqliteMemoryDeliveryTest extends DeliveryContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqliteInMemory();
    }
}
