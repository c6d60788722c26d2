package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.common.Tenant;
import dev.messaging.verify.ConsistencyReport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two JVMs write and read one SQLite file at once ({@link SharedFileWriter}): no call fails but
 * by the rules, each process's pages show its own writes and whole rows while the other writes,
 * each process's cached pages equal a fresh store's at the end, and the file is consistent. Each
 * child works for 5 s and at least {@value SharedFileWriter#MIN_OPERATIONS} operations (a loaded
 * machine makes fewer calls, not a failure); how many it made is printed, not asserted.
 */
class SqliteTwoProcessesTest {
    private static final int PROCESSES = 2;
    private static final long RUN_MILLIS = 5_000;

    @Test
    void twoProcessesShareOneFile() throws Exception {
        Path file = TestDatabases.newSqliteFile();
        try (Messaging created = JdbiMessaging.sqlite(file)) {
            // migrated once before the children start, as a service's first start would
        }
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<Process> children = new ArrayList<>();
        for (int p = 0; p < PROCESSES; p++) {
            children.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", classpath, SharedFileWriter.class.getName(), file.toString(), String.valueOf(p + 1),
                    String.valueOf(RUN_MILLIS), String.valueOf(PROCESSES))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start());
        }
        List<String> results = new ArrayList<>();
        for (Process child : children) {
            String result = null;
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith("RESULT ")) {
                        result = line;
                    }
                }
            }
            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("child finished").isTrue();
            assertThat(child.exitValue()).as("child exit code").isZero();
            assertThat(result).as("child's result line").isNotNull();
            results.add(result);
        }
        for (String result : results) {
            String[] f = result.split(" ");
            int ops = Integer.parseInt(f[1]);
            System.out.printf("two processes on one SQLite file: %d operations, %s failures, %s stale pages, "
                    + "%s inboxes differing from a fresh store's%n", ops, f[2], f[3], f[4]);
            assertThat(Integer.parseInt(f[2])).as("failed calls").isZero();
            assertThat(Integer.parseInt(f[3])).as("stale or torn pages").isZero();
            assertThat(Integer.parseInt(f[4])).as("cached inboxes unlike a fresh store's").isZero();
        }
        try (Messaging after = JdbiMessaging.sqlite(file)) {
            ConsistencyReport report = after.verify(new Tenant(SharedFileWriter.COMPANY, SharedFileWriter.LOCATION));
            assertThat(report.ok()).as("%s", report).isTrue();
        }
    }
}
