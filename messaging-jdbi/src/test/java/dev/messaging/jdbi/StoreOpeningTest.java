package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.error.StorageException;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.message.NewMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opening a store: every way it can fail is a {@link StorageException} naming the path (or the data
 * source) and keeping the cause; a database a newer library migrated is refused, naming both
 * versions; and the SQLite statement cache is released with its connections — over a thousand
 * opens and closes, and when the pool replaces its connections.
 */
class StoreOpeningTest {

    @Test
    void aDirectoryAMissingDirectoryAndAFileThatIsNotADatabaseAreRefusedWithThePath() throws Exception {
        Path dir = Files.createTempDirectory("open");
        assertThatThrownBy(() -> JdbiStore.sqlite(dir)).isInstanceOf(StorageException.class)
                .hasMessageContaining(dir.toString()).hasMessageContaining("is a directory");
        Path missing = dir.resolve("no-such-dir").resolve("m.db");
        assertThatThrownBy(() -> JdbiStore.sqlite(missing)).isInstanceOf(StorageException.class)
                .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist");
        Path garbage = dir.resolve("garbage.db");
        Files.writeString(garbage, "this is not a SQLite database, just text that is long enough to look like one");
        assertThatThrownBy(() -> JdbiStore.sqlite(garbage)).isInstanceOf(StorageException.class)
                .hasMessageContaining(garbage.toString()).hasCauseInstanceOf(Exception.class);
    }

    @Test
    void aDatabaseThatTakesNoWritesIsRefusedAtOpenNotAtTheFirstWrite() {
        Path file = TestDatabases.newSqliteFile();
        JdbiStore.sqlite(file).close();
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        SQLiteDataSource readOnly = new SQLiteDataSource(config);
        readOnly.setUrl("jdbc:sqlite:" + file);
        assertThatThrownBy(() -> JdbiStore.create(readOnly)).isInstanceOf(StorageException.class)
                .hasMessageContaining("cannot open the store").hasCauseInstanceOf(Exception.class);
    }

    @Test
    void aSqliteFileFromANewerSchemaIsRefusedNamingBothVersions() {
        Path file = TestDatabases.newSqliteFile();
        try (JdbiStore store = JdbiStore.sqlite(file)) {
            store.writer().useHandle(h -> h.execute("""
                    INSERT INTO messaging_schema_history (installed_rank, version, description, type, script,
                        checksum, installed_by, execution_time, success)
                    VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'test', 0, 1)"""));
        }
        assertThatThrownBy(() -> JdbiStore.sqlite(file)).isInstanceOf(StorageException.class)
                .hasMessageContaining("version 99").hasMessageContaining("version " + StoreOpening.SCHEMA_VERSION);
    }

    @Test
    void aPostgresDatabaseFromANewerSchemaIsRefusedNamingBothVersions() {
        String database = "future_" + UUID.randomUUID().toString().replace("-", "");
        Jdbi.create(TestDatabases.postgresPool()).useHandle(h -> h.execute("CREATE DATABASE " + database));
        try (HikariDataSource pool = TestDatabases.newPostgresPool(database, 2)) {
            JdbiStore.create(pool).close();
            Jdbi.create(pool).useHandle(h -> h.execute("""
                    INSERT INTO messaging.messaging_schema_history (installed_rank, version, description, type, script,
                        checksum, installed_by, execution_time, success)
                    VALUES (99, '99', 'from the future', 'SQL', 'V99__future.sql', 0, 'test', 0, true)"""));
            assertThatThrownBy(() -> JdbiStore.create(pool)).isInstanceOf(StorageException.class)
                    .hasMessageContaining("version 99").hasMessageContaining("version " + StoreOpening.SCHEMA_VERSION);
        }
    }

    @Test
    void aThousandOpensAndClosesLeaveNoStatementCacheBehind() {
        Path file = TestDatabases.newSqliteFile();
        int before = StatementCache.OPEN.get();
        Actor customer = Actor.customer("co", "loc", "c1");
        for (int i = 0; i < 1_000; i++) {
            try (Messaging messaging = Messaging.builder(JdbiStore.sqlite(file)).build()) {
                if (i % 100 == 0) {
                    messaging.messages().create(customer, NewMessage.to("c1", "cycle " + i).build());
                }
            }
        }
        assertThat(StatementCache.OPEN.get()).isEqualTo(before);
    }

    @Test
    void connectionsThePoolRetiresTakeTheirStatementsWithThem() throws Exception {
        JdbiStore store = JdbiStore.sqlite(TestDatabases.newSqliteFile());
        try (Messaging messaging = Messaging.builder(store).build()) {
            Actor customer = Actor.customer("co", "loc", "c1");
            Actor user = Actor.user("co", "loc", "u1");
            int baseline = StatementCache.OPEN.get();
            for (int i = 0; i < 200; i++) {
                messaging.messages().create(customer, NewMessage.to("c1", "m" + i).build());
                messaging.inbox().list(user, InboxQuery.all());
                store.pools().forEach(pool -> pool.getHikariPoolMXBean().softEvictConnections());
            }
            Thread.sleep(500);
            int live = store.pools().stream().mapToInt(pool -> pool.getHikariPoolMXBean().getTotalConnections()).sum();
            assertThat(StatementCache.OPEN.get()).as("caches open: at most one per live connection, after 400 retired")
                    .isLessThanOrEqualTo(baseline + live);
        }
    }
}
