package dev.messaging.jmh;

import com.sun.management.OperatingSystemMXBean;
import dev.messaging.Messaging;
import dev.messaging.change.Change;
import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Actor;
import dev.messaging.feed.Subscription;
import dev.messaging.jdbi.JdbiStore;
import dev.messaging.memory.InMemoryStore;
import dev.messaging.message.NewMessage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * What live changes cost at scale, as a plain program (CPU time and heap are not JMH's to measure):
 * on each store, 10,000 idle subscriptions over 1,000 tenants, the CPU they use over a window
 * (this JVM's, and for PostgreSQL the server's processes too) against the same JVM idle before
 * them; then, with them open, 1,000 writes to random tenants and the time from each write's call
 * to each of its tenant's 10 listeners (p50, p99: an upper bound of commit-to-listener, the write
 * included; the write's own median beside it). On PostgreSQL the writer is a second instance on
 * the same database, so the listeners are woken by LISTEN/NOTIFY. Last, 200,000 long polls on
 * tenants that do not exist, and the heap used after them against before (in-memory store).
 *
 * <p>Run: {@code java -cp messaging-jmh/target/benchmarks.jar dev.messaging.jmh.SubscriptionFootprint
 * [seconds, default 60] [stores, default MEMORY,SQLITE,POSTGRES]}; the main job runs it and writes
 * {@code target/subscriptions.json} for the report.
 */
public final class SubscriptionFootprint {
    static final Path RESULT = Path.of("target", "subscriptions.json");
    private static final int TENANTS = 1_000;
    private static final int PER_TENANT = 10;
    private static final int WRITES = 1_000;
    private static final long SEED = 20261207L;

    /** One store's figures. */
    record Figures(String store, int subscriptions, double seconds, double idleJvmCore, double jvmCore,
            double serverCore, int serverProcesses, double p50Millis, double p99Millis, double writeMillis,
            double writeP99Millis) {
        String json() {
            return String.format(Locale.ROOT, "{\"store\": \"%s\", \"subscriptions\": %d, \"seconds\": %.0f,"
                    + " \"idleJvmCorePercent\": %.3f, \"jvmCorePercent\": %.3f, \"serverCorePercent\": %.3f,"
                    + " \"serverProcesses\": %d, \"listenerP50Millis\": %.3f, \"listenerP99Millis\": %.3f,"
                    + " \"writeMedianMillis\": %.3f, \"writeP99Millis\": %.3f}",
                    store, subscriptions, seconds, idleJvmCore, jvmCore, serverCore, serverProcesses, p50Millis,
                    p99Millis, writeMillis, writeP99Millis);
        }
    }

    private SubscriptionFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        List<String> stores = Arrays.asList((args.length > 1 ? args[1] : "MEMORY,SQLITE,POSTGRES").split(","));
        System.out.println(run(seconds, stores));
    }

    /** Measures the stores, writes {@link #RESULT} and returns the lines to print. */
    static String run(int seconds, List<String> stores) throws Exception {
        List<String> json = new ArrayList<>();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "%,d idle subscriptions over %,d tenants, CPU over %d s (%% of one core), then %,d writes:%n",
                TENANTS * PER_TENANT, TENANTS, seconds, WRITES));
        for (String store : stores) {
            Figures f = measure(StoreKind.valueOf(store.strip()), seconds);
            json.add(f.json());
            out.append(String.format(Locale.ROOT, "  %-8s JVM %.2f%% (idle before %.2f%%), server %.2f%% (%d"
                    + " processes); write to listener p50 %.2f ms p99 %.2f ms (the write alone p50 %.2f ms p99"
                    + " %.2f ms)%n", f.store(), f.jvmCore(), f.idleJvmCore(), f.serverCore(), f.serverProcesses(),
                    f.p50Millis(), f.p99Millis(), f.writeMillis(), f.writeP99Millis()));
        }
        long[] heap = absentWaits(200_000);
        out.append(String.format(Locale.ROOT, "  200,000 long polls on absent tenants: heap %,d KB before, %,d KB"
                + " after (%+,d KB)%n", heap[0] / 1024, heap[1] / 1024, (heap[1] - heap[0]) / 1024));
        json.add(String.format(Locale.ROOT, "{\"absentWaits\": 200000, \"heapBeforeBytes\": %d,"
                + " \"heapAfterBytes\": %d}", heap[0], heap[1]));
        Files.createDirectories(RESULT.getParent());
        Files.writeString(RESULT, "[\n" + String.join(",\n", json) + "\n]\n");
        return out.toString();
    }

    private static Figures measure(StoreKind kind, int seconds) throws Exception {
        Messaging reader;
        Messaging writer;
        if (kind == StoreKind.POSTGRES) {
            String database = StoreKind.newDatabase();
            reader = Messaging.builder(JdbiStore.create(StoreKind.pool(database, 4))).build();
            writer = Messaging.builder(JdbiStore.create(StoreKind.pool(database, 4))).build();
        } else {
            reader = Messaging.builder(kind == StoreKind.MEMORY ? new InMemoryStore() : kind.empty()).build();
            writer = reader;
        }
        try {
            for (int t = 0; t < TENANTS; t++) { // each tenant has a conversation before the measurement
                writer.messages().create(customer(t), NewMessage.to("c", "hello").build());
            }
            double idle = cpu(seconds / 4.0)[0];
            AtomicReference<CountDownLatch> expected = new AtomicReference<>(new CountDownLatch(0));
            long[] received = new long[WRITES * PER_TENANT];
            int[] count = new int[1];
            List<Subscription> subscriptions = new ArrayList<>();
            for (int t = 0; t < TENANTS; t++) {
                Actor screen = Actor.system(DataSet.COMPANY, "loc-" + t);
                List<Change> before = reader.changes().since(screen, 0, 100);
                long head = before.get(before.size() - 1).sequence();
                for (int s = 0; s < PER_TENANT; s++) {
                    subscriptions.add(reader.changes().subscribe(screen, head, change -> {
                        if (change.entityType() == EntityType.MESSAGE && change.operation() == Operation.CREATE) {
                            long now = System.nanoTime();
                            synchronized (received) {
                                received[count[0]++] = now;
                            }
                            expected.get().countDown();
                        }
                    }));
                }
            }
            Thread.sleep(2_000); // the subscriptions settle: each read its tenant's feed once
            double[] busy = cpu(seconds);
            double[] latencies = new double[WRITES * PER_TENANT];
            double[] writes = new double[WRITES];
            SplittableRandom random = new SplittableRandom(SEED);
            for (int w = 0; w < WRITES; w++) {
                int tenant = random.nextInt(TENANTS);
                CountDownLatch all = new CountDownLatch(PER_TENANT);
                expected.set(all);
                int first;
                synchronized (received) {
                    first = count[0];
                }
                long began = System.nanoTime();
                writer.messages().create(customer(tenant), NewMessage.to("c", "any news? " + w).build());
                writes[w] = (System.nanoTime() - began) / 1e6;
                if (!all.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("a listener did not see write " + w + " within 10 s");
                }
                synchronized (received) {
                    for (int i = first; i < count[0]; i++) {
                        latencies[i] = (received[i] - began) / 1e6;
                    }
                }
            }
            subscriptions.forEach(Subscription::close);
            Arrays.sort(latencies);
            Arrays.sort(writes);
            return new Figures(kind.name(), subscriptions.size(), seconds, idle, busy[0], busy[1], (int) busy[2],
                    latencies[latencies.length / 2], latencies[(int) (latencies.length * 0.99)],
                    writes[writes.length / 2], writes[(int) (writes.length * 0.99)]);
        } finally {
            if (writer != reader) {
                writer.close();
            }
            reader.close();
        }
    }

    private static Actor customer(int tenant) {
        return Actor.customer(DataSet.COMPANY, "loc-" + tenant, "c");
    }

    /** This JVM's and the PostgreSQL servers' CPU over {@code seconds}, in % of one core; the servers' processes. */
    private static double[] cpu(double seconds) throws InterruptedException {
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long jvm = os.getProcessCpuTime();
        long server = serverCpuNanos();
        long began = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        double wall = System.nanoTime() - began;
        return new double[] {100 * (os.getProcessCpuTime() - jvm) / wall, 100 * (serverCpuNanos() - server) / wall,
            servers().count()};
    }

    /** The CPU time of this user's postgres processes (the embedded server's), 0 where there are none. */
    private static long serverCpuNanos() {
        return servers().mapToLong(p -> p.info().totalCpuDuration().orElse(Duration.ZERO).toNanos()).sum();
    }

    private static Stream<ProcessHandle> servers() {
        String user = ProcessHandle.current().info().user().orElse("");
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().user().orElse("?").equals(user))
                .filter(p -> p.info().command().orElse("").endsWith("/postgres"));
    }

    /** The heap used after a full GC before and after {@code waits} long polls (timeout 0) on absent tenants. */
    private static long[] absentWaits(int waits) {
        try (Messaging messaging = Messaging.inMemory()) {
            for (int i = 0; i < 1_000; i++) { // warm the path, so its classes are loaded before "before"
                messaging.changes().await(Actor.system(DataSet.COMPANY, "warm-" + i), 0, 10, Duration.ZERO);
            }
            long before = HeapFootprint.usedAfterGc();
            for (int i = 0; i < waits; i++) {
                messaging.changes().await(Actor.system(DataSet.COMPANY, "absent-" + i), 0, 10, Duration.ZERO);
            }
            return new long[] {before, HeapFootprint.usedAfterGc()};
        }
    }
}
