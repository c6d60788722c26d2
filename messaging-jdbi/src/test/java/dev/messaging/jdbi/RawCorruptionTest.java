package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.verify.ConsistencyReport;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rows changed by plain SQL, behind the library and its store (as an operator's script or a bad
 * migration would): the consistency check names each, on SQLite and PostgreSQL.
 */
class RawCorruptionTest {

    private record Setup(JdbiStore store, Jdbi jdbi) {
    }

    private static Setup open(String database) {
        if (database.equals("sqlite")) {
            JdbiStore store = JdbiStore.sqlite(TestDatabases.newSqliteFile());
            return new Setup(store, store.writer());
        }
        JdbiStore store = JdbiStore.create(TestDatabases.postgresPool());
        return new Setup(store, TestDatabases.rawPostgres("postgres"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sqlite", "postgresql"})
    void countersSummariesAndFeedGapsChangedBySqlAreNamed(String database) {
        Setup setup = open(database);
        String company = "raw-" + UUID.randomUUID();
        Actor alice = Actor.user(company, "loc", "alice");
        try (Messaging messaging = Messaging.builder(setup.store()).build()) {
            Supplier<Message> say = () -> messaging.messages().create(Actor.customer(company, "loc", "c1"),
                    NewMessage.to("c1", "hello").build());
            Message first = say.get();
            say.get();
            messaging.threads().markRead(alice, messaging.threads().threadId(alice, first.conversationId()));
            say.get();
            assertThat(messaging.verify(alice.tenant()).ok()).isTrue();

            setup.jdbi().useHandle(h -> {
                h.execute("UPDATE conversation SET customer_count = 7, last_message_body = 'tampered' WHERE id = ?",
                        first.conversationId());
                h.execute("DELETE FROM change_feed WHERE sequence = 2 AND tenant = (SELECT id FROM tenant"
                        + " WHERE company_id = ?)", company);
            });
            ConsistencyReport report = messaging.verify(alice.tenant());
            List<String> named = report.mismatches().stream().map(m -> m.entity() + ":" + m.what()).toList();
            assertThat(named).contains("conversation:customerCount", "conversation:lastMessageBody",
                    "change:sequence", "thread:unreadMessagesCount");
            assertThat(report.mismatches()).filteredOn(m -> m.what().equals("customerCount"))
                    .allSatisfy(m -> assertThat(m.id()).isEqualTo(first.conversationId()));
        }
    }
}
