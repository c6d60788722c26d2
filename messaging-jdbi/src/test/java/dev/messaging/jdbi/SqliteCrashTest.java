package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.message.Message;
import dev.messaging.verify.ConsistencyReport;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A child JVM writes to a SQLite file and prints each acknowledged write; the test SIGKILLs it at
 * a random moment, reopens the file, and checks that every acknowledged write is there, that
 * {@code PRAGMA integrity_check} is ok and that the consistency check finds nothing — 20 cycles
 * on the same file. (In-memory has nothing to crash; PostgreSQL's durability is the server's.)
 */
class SqliteCrashTest {
    private static final int CYCLES = 20;

    private record Acknowledged(List<String> messages, List<String> deleted, List<String[]> reads) {
    }

    @Test
    void everyAcknowledgedWriteSurvivesAKill() throws Exception {
        Path file = TestDatabases.newSqliteFile();
        Random random = new Random(42);
        int acknowledgedTotal = 0;
        for (int cycle = 1; cycle <= CYCLES; cycle++) {
            Acknowledged acked = runAndKill(file, cycle, 200 + random.nextInt(1200));
            acknowledgedTotal += acked.messages().size() + acked.deleted().size() + acked.reads().size();
            checkAfterCrash(file, acked, cycle);
        }
        assertThat(acknowledgedTotal).as("writes acknowledged before the kills").isGreaterThan(CYCLES * 5);
        System.out.printf("crash test: %d kills, %d acknowledged writes all found after restart%n", CYCLES,
                acknowledgedTotal);
    }

    private static Acknowledged runAndKill(Path file, long seed, long runMillis) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, CrashWriter.class.getName(), file.toString(), String.valueOf(seed))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> lines = new ArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the child is killed
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!hasLine(lines, "READY .") && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(hasLine(lines, "READY .")).as("the child started").isTrue();
        Thread.sleep(runMillis);
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no close, no checkpoint
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        Acknowledged acked = new Acknowledged(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        synchronized (lines) {
            for (String line : lines) {
                String[] parts = line.split(" ");
                if (!line.endsWith(" .")) {
                    continue; // cut short by the kill: not acknowledged
                }
                switch (parts[0]) {
                    case "MSG" -> acked.messages().add(parts[1]);
                    case "DEL" -> acked.deleted().add(parts[1]);
                    case "READ" -> acked.reads().add(new String[] {parts[1], parts[2], parts[3]});
                    default -> { }
                }
            }
        }
        return acked;
    }

    private static boolean hasLine(List<String> lines, String wanted) {
        synchronized (lines) {
            return lines.contains(wanted);
        }
    }

    private static void checkAfterCrash(Path file, Acknowledged acked, int cycle) {
        try (JdbiStore store = JdbiStore.sqlite(file); Messaging messaging = Messaging.builder(store).build()) {
            String integrity = store.reader().withHandle(h -> h.createQuery("PRAGMA integrity_check")
                    .mapTo(String.class).one());
            assertThat(integrity).as("integrity after kill %d", cycle).isEqualTo("ok");
            Actor reader = Actor.user(CrashWriter.COMPANY, CrashWriter.LOCATION, "auditor");
            for (String id : acked.messages()) {
                assertThat(messaging.messages().find(reader, id)).as("acknowledged message %s (kill %d)", id, cycle)
                        .isPresent();
            }
            for (String id : acked.deleted()) {
                assertThat(messaging.messages().find(reader, id).map(Message::deleted))
                        .as("acknowledged delete %s (kill %d)", id, cycle).contains(true);
            }
            for (String[] read : acked.reads()) {
                Actor user = Actor.user(CrashWriter.COMPANY, CrashWriter.LOCATION, read[1]);
                assertThat(messaging.threads().find(user, read[0]).version())
                        .as("acknowledged markRead of %s (kill %d)", read[0], cycle)
                        .isGreaterThanOrEqualTo(Long.parseLong(read[2]));
            }
            ConsistencyReport report = messaging.verify(reader.tenant());
            assertThat(report.ok()).as("consistency after kill %d: %s", cycle, report).isTrue();
        }
    }
}
