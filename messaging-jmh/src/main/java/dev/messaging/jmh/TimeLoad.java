package dev.messaging.jmh;

import dev.messaging.jdbi.JdbiStore;
import dev.messaging.memory.InMemoryStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Temporary: times the data build. */
final class TimeLoad {
    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        DataSet data = new DataSet(n, 200);
        long t0 = System.nanoTime();
        InMemoryStore memory = data.build(DataSet.Progress.toStdout("gen"));
        long t1 = System.nanoTime();
        List<String> users = new ArrayList<>();
        for (int u = 0; u < 200; u++) {
            users.add("user-" + u);
        }
        StoreCopy.Rows rows = StoreCopy.read(memory, DataSet.TENANT, users);
        long t2 = System.nanoTime();
        Path file = Files.createTempDirectory("b").resolve("x.db");
        try (JdbiStore sqlite = JdbiStore.sqlite(file)) {
            StoreCopy.write(rows, sqlite, DataSet.TENANT, DataSet.Progress.toStdout("load"));
        }
        long t3 = System.nanoTime();
        System.out.printf("gen %.1fs read %.1fs load %.1fs (%d msgs, %d changes, %d threads)%n", (t1 - t0) / 1e9,
                (t2 - t1) / 1e9, (t3 - t2) / 1e9, rows.messages().size(), rows.changes().size(), rows.threads().size());
    }
}
