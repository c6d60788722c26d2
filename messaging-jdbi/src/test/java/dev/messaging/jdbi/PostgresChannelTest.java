package dev.messaging.jdbi;

import dev.messaging.contract.ChannelContract;
import dev.messaging.spi.Store;

/** Channels as data on PostgreSQL. */
class PostgresChannelTest extends ChannelContract {
    @Override
    protected Store newStore() {
        return JdbiStore.create(TestDatabases.postgresPool("channel"));
    }
}
