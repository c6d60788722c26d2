package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.error.StorageException;
import dev.messaging.message.NewMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Storage faults on a SQLite file: a full database, a file deleted or replaced under the open store. */
class SqliteFaultTest {
    private static final Actor ALICE = Actor.user("co", "loc", "alice");

    @Test
    void afterTheFileIsFullWritesFailRetryablyAndSucceedAgainOnceRoomIsFreedWithoutReopening() {
        Path file = TestDatabases.newSqliteFile();
        JdbiStore store = JdbiStore.sqlite(file, JdbiStore.Options.defaults().withSqliteMaxBytes(1024 * 1024));
        // room someone else holds in the file (another program's table), freed later: the disk coming back
        Jdbi outside = Jdbi.create("jdbc:sqlite:" + file);
        outside.useHandle(h -> {
            h.execute("CREATE TABLE ballast (b BLOB)");
            h.createUpdate("INSERT INTO ballast VALUES (zeroblob(300000))").execute();
        });
        try (Messaging m = Messaging.builder(store).build()) {
            List<StorageException> failures = new ArrayList<>();
            int written = 0;
            for (int i = 0; i < 2_000 && failures.size() < 20; i++) {
                try {
                    m.messages().create(ALICE, NewMessage.to("c" + (i % 20), "x".repeat(1_500) + i).build());
                    written++;
                } catch (StorageException e) {
                    failures.add(e);
                }
            }
            assertThat(written).isPositive();
            assertThat(failures).hasSize(20).allSatisfy(e -> {
                assertThat(e.retryable()).as(e.getMessage()).isTrue();
                assertThat(e.getMessage()).contains("full");
            });
            outside.useHandle(h -> h.execute("DROP TABLE ballast"));
            for (int i = 0; i < 50; i++) {
                m.messages().create(ALICE, NewMessage.to("after" + i, "room again " + i).build());
            }
            assertThat(m.verify(ALICE.tenant()).ok()).isTrue();
        }
    }

    @Test
    void aFileDeletedUnderTheOpenStoreIsDetectedAndEveryLaterCallFailsNamingThePath() throws Exception {
        Path file = TestDatabases.newSqliteFile();
        try (Messaging m = Messaging.builder(JdbiStore.sqlite(file)).build()) {
            m.messages().create(ALICE, NewMessage.to("c1", "before").build());
            Files.delete(file);
            Files.deleteIfExists(Path.of(file + "-wal"));
            Files.deleteIfExists(Path.of(file + "-shm"));
            Thread.sleep(300); // a few checkpoints
            assertThatThrownBy(() -> m.messages().create(ALICE, NewMessage.to("c1", "after").build()))
                    .isInstanceOfSatisfying(StorageException.class, e -> {
                        assertThat(e.getMessage()).contains(file.toString()).contains("deleted or replaced");
                        assertThat(e.retryable()).isFalse();
                    });
            assertThatThrownBy(() -> m.inbox().list(ALICE, dev.messaging.inbox.InboxQuery.all()))
                    .isInstanceOf(StorageException.class).hasMessageContaining(file.toString());
        }
    }
}
