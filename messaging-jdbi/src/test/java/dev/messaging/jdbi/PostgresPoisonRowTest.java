package dev.messaging.jdbi;

import dev.messaging.spi.Store;
import org.jdbi.v3.core.Jdbi;

/** Rows that cannot be read back, on PostgreSQL (a database of its own: its claims read every tenant). */
class PostgresPoisonRowTest extends PoisonRowContract {
    @Override
    Store open() {
        return JdbiStore.create(TestDatabases.postgresPool("poison"));
    }

    @Override
    Jdbi raw() {
        return TestDatabases.rawPostgres("poison");
    }
}
