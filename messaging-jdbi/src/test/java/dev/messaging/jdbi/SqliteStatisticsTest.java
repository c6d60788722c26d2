package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.message.NewMessage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Statistics the store refreshes reach the plans of every connection at once. SQLite loads a
 * connection's planner statistics when the connection first reads the schema and keeps them; an
 * ANALYZE on the writer leaves the readers' copies as they were. So the readers that planned pages
 * on the statistics of a small database kept planning for one after {@code analyze()} — a message
 * table read whole for every page — until the pool retired them (this is how the plan tests failed
 * now and then: their readers had read while the database was seeded).
 */
class SqliteStatisticsTest {

    @Test
    void afterAnalyzeTheReadersPlanWithTheNewStatistics() {
        JdbiStore store = JdbiStore.sqlite(TestDatabases.newSqliteFile());
        try (Messaging messaging = Messaging.builder(store).build()) {
            Actor alice = Actor.user("stats-" + UUID.randomUUID(), "loc", "alice");
            messaging.messages().create(alice, NewMessage.to("c0", "first").build());
            store.analyze(); // statistics of a database with one message
            for (int i = 0; i < 4; i++) {
                // every reader of the pool plans with them (each loads them on its first read)
                messaging.inbox().list(alice, InboxQuery.all());
            }
            for (int i = 0; i < 3_000; i++) {
                messaging.messages().create(Actor.customer(alice.tenant().companyId(), "loc", "c" + i % 300),
                        NewMessage.to("c" + i % 300, "message " + i).build());
            }
            store.analyze();
            for (int i = 0; i < JdbiStore.SQLITE_READERS; i++) {
                List<QueryPlans.Statement> page = QueryPlans.capture(store.reader(),
                        () -> messaging.inbox().list(alice, InboxQuery.all()));
                for (QueryPlans.Plan plan : QueryPlans.explain(store.reader(), "EXPLAIN QUERY PLAN ", page)) {
                    assertThat(plan.lines()).as("plan of %s", plan).noneMatch(line -> line.matches("SCAN (m|message)\\b.*"));
                }
            }
        }
    }
}
