package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;

/**
 * The plans of {@link PostgresQueryPlanTest} on a database nobody analysed: grown by a bulk import
 * (raw SQL) and through the API, then opened by a store — which finds its tables' statistics
 * missing and analyses them (PostgresStatistics). Without that, two of these plans fail (a busy
 * conversation's messages sorted, a text search scanning messages), as they did before it.
 */
class PostgresGrownPlanTest extends PostgresQueryPlanTest {
    private HikariDataSource pool;

    @Override
    protected JdbiStore newStore() {
        pool = TestDatabases.newPostgresPoolInSchema("grown");
        return JdbiStore.create(pool);
    }

    /** Autovacuum kept off the store's tables: a server where it is off, or has not come by yet. */
    @Override
    protected void seedBackground(Jdbi jdbi) {
        jdbi.useHandle(h -> {
            for (String table : List.of("conversation", "message", "thread", "change_feed")) {
                h.execute("ALTER TABLE " + table + " SET (autovacuum_enabled = false)");
            }
        });
        super.seedBackground(jdbi);
    }

    /**
     * No ANALYZE: the server's counters are waited for, then a store is opened on the grown
     * database (the store that grew it may have analysed already, every 1,000 writes).
     */
    @Override
    protected void analyze(Jdbi jdbi) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (liveMessages(jdbi) < 200_000 && System.nanoTime() < deadline) {
            sleep(); // PostgreSQL's statistics counters arrive within a second or so of a commit
        }
        try (JdbiStore opened = JdbiStore.create(pool)) {
            assertThat(analysed(jdbi)).as("analysed by the store").contains("conversation", "message");
        }
    }

    private static long liveMessages(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT coalesce(max(n_live_tup), 0) FROM pg_stat_user_tables"
                + " WHERE schemaname = 'messaging' AND relname = 'message'").mapTo(Long.class).one());
    }

    private static List<String> analysed(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT relname FROM pg_stat_user_tables WHERE schemaname = 'messaging'"
                + " AND last_analyze IS NOT NULL ORDER BY relname").mapTo(String.class).list());
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @AfterAll
    void closePool() {
        pool.close();
    }
}
