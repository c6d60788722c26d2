package dev.messaging.jdbi;

import dev.messaging.contract.SenderContract;
import dev.messaging.spi.Store;

/**
 * The delivery suite's staff notifications and senders on PostgreSQL, in a database of its own: its
 * health test waits for a worker to claim nothing, which other suites' leftover deliveries (due
 * once its clock moves) delayed past its deadline in one full run.
 */
class PostgresSenderTest extends SenderContract {
    @Override
    protected Store newStore() {
        return JdbiStore.create(TestDatabases.postgresPool("sender"));
    }
}
