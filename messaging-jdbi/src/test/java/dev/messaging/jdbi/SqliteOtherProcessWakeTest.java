package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.change.Change;
import dev.messaging.common.Actor;
import dev.messaging.message.NewMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * A commit by another process on the same SQLite file wakes a long poll here: the poll returns the
 * other process's change long before its timeout (without the store watching the file it would
 * wait the timeout out, then read the change), whether or not this process writes meanwhile.
 */
class SqliteOtherProcessWakeTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Test
    void anotherProcesssCommitWakesALongPollHere() throws Exception {
        assertWokenByTheOtherProcess(false);
    }

    @Test
    void anotherProcesssCommitWakesALongPollHereWhileThisProcessWritesToo() throws Exception {
        assertWokenByTheOtherProcess(true);
    }

    private static void assertWokenByTheOtherProcess(boolean writingHere) throws Exception {
        Path file = TestDatabases.newSqliteFile();
        Actor system = Actor.system("shared-co", "loc");
        AtomicBoolean writing = new AtomicBoolean(writingHere);
        try (Messaging messaging = JdbiMessaging.sqlite(file)) {
            messaging.messages().create(Actor.customer("shared-co", "loc", "c1"), NewMessage.to("c1", "first").build());
            long head = messaging.changes().since(system, 0, 100).stream().mapToLong(Change::sequence).max()
                    .orElseThrow();
            CompletableFuture<Void> ownWrites = CompletableFuture.runAsync(() -> {
                for (int i = 0; writing.get(); i++) { // another tenant of this process, all along
                    messaging.messages().create(Actor.customer("own-co", "loc", "c1"),
                            NewMessage.to("c1", "ours " + i).build());
                }
            });
            long started = System.nanoTime();
            CompletableFuture<List<Change>> poll = CompletableFuture.supplyAsync(
                    () -> messaging.changes().await(system, head, 10, TIMEOUT));
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                    OtherProcessMessage.class.getName(), file.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            assertThat(child.waitFor(90, TimeUnit.SECONDS)).as("the other process finished").isTrue();
            assertThat(new String(child.getInputStream().readAllBytes())).contains("WROTE");
            List<Change> woken = poll.get(TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS);
            long waited = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            writing.set(false);
            ownWrites.get(30, TimeUnit.SECONDS);
            assertThat(woken).as("the other process's change").isNotEmpty();
            assertThat(waited).as("woken by the commit, not at the %s timeout", TIMEOUT)
                    .isLessThan(TIMEOUT.toSeconds() / 2);
        }
    }
}
