package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.message.NewMessage;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A PostgreSQL database growing through the API gets its statistics from the store: after enough
 * writes (a check every 1,000) a table never analysed is analysed, with autovacuum off on it; a
 * small one is left alone.
 */
class PostgresStatisticsTest {

    private static List<String> analysed(Jdbi jdbi) {
        return jdbi.withHandle(h -> h.createQuery("SELECT relname FROM pg_stat_user_tables WHERE schemaname = 'messaging'"
                + " AND last_analyze IS NOT NULL ORDER BY relname").mapTo(String.class).list());
    }

    @Test
    void aDatabaseGrownThroughTheApiIsAnalysedByTheStoreAndASmallOneIsLeftAlone() throws Exception {
        try (HikariDataSource pool = TestDatabases.newPostgresPoolInSchema("statistics");
                Messaging messaging = Messaging.builder(JdbiStore.create(pool)).build()) {
            Jdbi raw = Jdbi.create(pool);
            raw.useHandle(h -> {
                for (String table : List.of("conversation", "message", "thread", "change_feed")) {
                    h.execute("ALTER TABLE " + table + " SET (autovacuum_enabled = false)");
                }
            });
            Actor customer = Actor.customer("stats-co", "loc", "c1");
            for (int i = 0; i < 500; i++) {
                messaging.messages().create(customer, NewMessage.to("c1", "small " + i).build());
            }
            Thread.sleep(1_500); // the server's counters arrive
            try (JdbiStore reopened = JdbiStore.create(pool)) {
                assertThat(analysed(raw)).as("500 rows: too small to be worth it").isEmpty();
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            int written = 500;
            while (!analysed(raw).contains("message") && System.nanoTime() < deadline) {
                for (int i = 0; i < 500; i++) {
                    messaging.messages().create(Actor.customer("stats-co", "loc", "c" + written % 50),
                            NewMessage.to("c" + written % 50, "grown " + written++).build());
                }
            }
            assertThat(analysed(raw)).as("after %d writes", written).contains("message", "change_feed");
        }
    }
}
