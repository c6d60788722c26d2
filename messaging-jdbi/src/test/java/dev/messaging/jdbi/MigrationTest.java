package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The schema migrates on start, once, under a lock; a restart on a migrated database changes nothing. */
class MigrationTest {
    private static final String POSTGRES_HISTORY = "messaging.messaging_schema_history";

    private static List<String> history(Jdbi jdbi) {
        return history(jdbi, "messaging_schema_history");
    }

    /** The migrations applied, from {@code table} (on PostgreSQL qualified by the store's schema). */
    private static List<String> history(Jdbi jdbi, String table) {
        return jdbi.withHandle(h -> h.createQuery("SELECT version || ':' || success FROM " + table
                + " WHERE version IS NOT NULL ORDER BY installed_rank").mapTo(String.class).list());
    }

    /** The library's schema (not the planner's statistics, which PRAGMA optimize may create at any open). */
    private static List<String> sqliteSchema(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT type || ' ' || name || ' ' || coalesce(sql, '')"
                + " FROM sqlite_master WHERE name NOT LIKE 'sqlite_stat%' ORDER BY type, name").mapTo(String.class).list());
    }

    @Test
    void restartingOnAMigratedSqliteFileChangesNothing() {
        Path file = TestDatabases.newSqliteFile();
        List<String> schema;
        List<String> applied;
        try (JdbiStore first = JdbiStore.sqlite(file)) {
            schema = sqliteSchema(first.reader());
            applied = history(first.reader());
        }
        assertThat(applied).containsExactly("1:1", "2:1", "3:1", "4:1", "5:1", "6:1", "7:1", "8:1", "9:1", "10:1", "11:1", "12:1", "13:1", "14:1", "15:1", "16:1");
        try (JdbiStore again = JdbiStore.sqlite(file)) {
            assertThat(sqliteSchema(again.reader())).isEqualTo(schema);
            assertThat(history(again.reader())).isEqualTo(applied);
        }
    }

    @Test
    void twoPostgresInstancesStartingAtOnceMigrateOnceAndARestartChangesNothing() throws Exception {
        String database = "migrate_" + UUID.randomUUID().toString().replace("-", "");
        Jdbi admin = Jdbi.create(TestDatabases.postgresPool());
        admin.useHandle(h -> h.execute("CREATE DATABASE " + database));
        List<HikariDataSource> pools = List.of(TestDatabases.newPostgresPool(database, 2),
                TestDatabases.newPostgresPool(database, 2));
        try {
            ExecutorService threads = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<JdbiStore>> started = new ArrayList<>();
            for (HikariDataSource pool : pools) {
                Callable<JdbiStore> open = () -> {
                    start.await();
                    return JdbiStore.create(pool);
                };
                started.add(threads.submit(open));
            }
            start.countDown();
            for (Future<JdbiStore> store : started) {
                store.get(2, TimeUnit.MINUTES).close();
            }
            threads.shutdown();
            Jdbi jdbi = Jdbi.create(pools.get(0));
            assertThat(history(jdbi, POSTGRES_HISTORY)).containsExactly("1:true", "2:true", "3:true", "4:true", "5:true", "6:true", "7:true", "8:true", "9:true", "10:true", "11:true", "12:true", "13:true", "14:true", "15:true", "16:true");
            JdbiStore.create(pools.get(1)).close();
            assertThat(history(jdbi, POSTGRES_HISTORY)).containsExactly("1:true", "2:true", "3:true", "4:true", "5:true", "6:true", "7:true", "8:true", "9:true", "10:true", "11:true", "12:true", "13:true", "14:true", "15:true", "16:true");
            int tables = jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM information_schema.tables"
                    + " WHERE table_schema = 'messaging' AND table_name IN ('conversation', 'message', 'thread',"
                    + " 'change_feed', 'tenant')").mapTo(Integer.class).one());
            assertThat(tables).isEqualTo(5);
        } finally {
            pools.forEach(HikariDataSource::close);
        }
    }
}
