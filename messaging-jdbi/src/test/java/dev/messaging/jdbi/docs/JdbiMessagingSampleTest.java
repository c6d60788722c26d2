package dev.messaging.jdbi.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.jdbi.JdbiMessaging;
import dev.messaging.jdbi.TestDatabases;
import dev.messaging.message.NewMessage;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The first sample of docs/guide/storage.md: both one-line openings (DocSamplesTest keeps the copy in step). */
class JdbiMessagingSampleTest {

    @Test
    void bothOpeningsStoreAndReadBack() {
        Path file = TestDatabases.newSqliteFile();
        DataSource dataSource = TestDatabases.postgresPool();
        // One process, one file: the embedded default.
        try (Messaging messaging = JdbiMessaging.sqlite(file)) {
            assertStoresAndReads(messaging);
        }
        // A service that runs many instances: PostgreSQL through your own pool.
        try (Messaging messaging = JdbiMessaging.create(dataSource)) {
            assertStoresAndReads(messaging);
        }
    }

    private static void assertStoresAndReads(Messaging messaging) {
        Actor customer = Actor.customer("sample-" + System.nanoTime(), "loc", "c1");
        String id = messaging.messages().create(customer, NewMessage.to("c1", "hello").build()).id();
        assertThat(messaging.messages().find(customer, id)).isPresent();
    }
}
