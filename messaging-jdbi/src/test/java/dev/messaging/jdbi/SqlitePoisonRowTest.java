package dev.messaging.jdbi;

import dev.messaging.spi.Store;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;

/** Rows that cannot be read back, on a SQLite file. */
class SqlitePoisonRowTest extends PoisonRowContract {
    private final Path file = TestDatabases.newSqliteFile();

    @Override
    Store open() {
        return JdbiStore.sqlite(file);
    }

    @Override
    Jdbi raw() {
        return Jdbi.create("jdbc:sqlite:" + file);
    }
}
