package dev.messaging.jmh;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.inbox.InboxQuery;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The library's SQLite paths and their raw-JDBC floors timed in one JVM, block by block in turn (a
 * plain program beside the JMH benchmarks, which it reuses). Why: on a shared machine one JMH fork
 * can run at another speed than the next — the same SQLite deep page measured 224 and 138 µs median
 * in two forks of one command, with the same bytes allocated per page — so a ratio of two forks
 * carries that noise, while here the library and its floor share every moment.
 *
 * <p>{@code pages}: the first, deep and unread-only inbox pages against {@code floorInboxKeys}, on
 * the benchmark's file. {@code writes}: {@code createAndMarkRead} (notifications off) against
 * {@code floorWritePair}, each on its own copy of the file. Each round times a block of each and
 * prints their medians; the first third of the rounds is warm-up, and the last line gives the median
 * over the other rounds of each median and of each ratio.
 *
 * <p>{@code java -cp messaging-jmh/target/benchmarks.jar dev.messaging.jmh.BesideTheFloor pages|writes MESSAGES [ROUNDS]}
 */
public final class BesideTheFloor {
    private static final int USERS = 200;
    private static final int BLOCK = 1000;

    private BesideTheFloor() {
    }

    /** One timed operation. */
    private interface Operation {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || !List.of("pages", "writes").contains(args[0])) {
            System.err.println("usage: BesideTheFloor pages|writes MESSAGES [ROUNDS]");
            System.exit(2);
        }
        boolean pages = args[0].equals("pages");
        // writes: at 1M the first pass over the 10,000 conversations reads each in full, so the
        // warm-up third of the default rounds covers it
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : pages ? 12 : 30;
        measure(pages, Integer.parseInt(args[1]), rounds, System.out);
    }

    /** Times the pages ({@code pages}) or the writes on {@code messages} messages, printing to {@code out}. */
    static void measure(boolean pages, int messages, int rounds, PrintStream out) throws Exception {
        DataSet data = new DataSet(messages, USERS);
        SqlBaselineBenchmark floors = new SqlBaselineBenchmark();
        floors.messages = messages;
        floors.users = USERS;
        floors.setUp();
        try (Messaging messaging = Messaging.builder(StoreKind.SQLITE.open(data, !pages)).build()) {
            if (pages) {
                Actor user = DataSet.user(1);
                String deep = InboxBenchmark.deepCursor(messaging, user, data);
                Blackhole blackhole = new Blackhole(
                        "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
                run(out, rounds, List.of("floorInboxKeys", "inboxFirstPage", "inboxDeepPage", "inboxUnreadOnly"), List.of(
                        () -> floors.floorInboxKeys(blackhole),
                        () -> messaging.inbox().list(user, InboxQuery.all()),
                        () -> messaging.inbox().list(user, InboxQuery.all().after(deep)),
                        () -> messaging.inbox().list(user, InboxQuery.all().unreadOnly())));
            } else {
                WriteBenchmark.turnNotificationsOff(messaging, USERS);
                Actor user = DataSet.user(0);
                SqlBaselineBenchmark.WriteFloor floor = new SqlBaselineBenchmark.WriteFloor();
                floor.setUp(floors);
                long[] next = {0};
                try {
                    run(out, rounds, List.of("floorWritePair", "createAndMarkRead"), List.of(
                            floor::createAndMarkRead,
                            () -> WriteBenchmark.createAndMarkRead(messaging, user, data, next[0]++)));
                } finally {
                    floor.tearDown();
                }
            }
        } finally {
            floors.tearDown();
        }
    }

    /** Times {@code operations} (the first is the floor) in blocks, round after round, and prints their medians. */
    private static void run(PrintStream out, int rounds, List<String> names, List<Operation> operations) throws Exception {
        int n = operations.size();
        List<List<Double>> medians = new ArrayList<>();
        for (int i = 0; i < 2 * n - 1; i++) {
            medians.add(new ArrayList<>());
        }
        long[] times = new long[BLOCK];
        for (int round = 0; round < rounds; round++) {
            double[] median = new double[n];
            for (int k = 0; k < n; k++) {
                Operation operation = operations.get(k);
                for (int i = 0; i < BLOCK; i++) {
                    long start = System.nanoTime();
                    operation.run();
                    times[i] = System.nanoTime() - start;
                }
                Arrays.sort(times);
                median[k] = times[BLOCK / 2] / 1e3;
            }
            StringBuilder line = new StringBuilder("round " + (round + 1) + (round < rounds / 3 ? " (warm-up):" : ":"));
            for (int k = 0; k < n; k++) {
                line.append(String.format(Locale.ROOT, " %s %.1f µs", names.get(k), median[k]));
                if (k > 0) {
                    line.append(String.format(Locale.ROOT, " (%.2f×)", median[k] / median[0]));
                }
                if (round >= rounds / 3) {
                    medians.get(k).add(median[k]);
                    if (k > 0) {
                        medians.get(n + k - 1).add(median[k] / median[0]);
                    }
                }
            }
            out.println(line);
        }
        StringBuilder summary = new StringBuilder("median of rounds " + (rounds / 3 + 1) + "-" + rounds + ":");
        for (int k = 0; k < n; k++) {
            summary.append(String.format(Locale.ROOT, " %s %.1f µs", names.get(k), middle(medians.get(k))));
            if (k > 0) {
                summary.append(String.format(Locale.ROOT, " (%.2f× the floor)", middle(medians.get(n + k - 1))));
            }
        }
        out.println(summary);
    }

    private static double middle(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
