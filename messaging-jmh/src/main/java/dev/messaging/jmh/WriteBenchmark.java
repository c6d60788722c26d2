package dev.messaging.jmh;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.notification.NotificationConfig;
import dev.messaging.thread.ThreadMetadata;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A customer message followed by the user's markRead of that thread, measured as a pair so that
 * each call does real work (a markRead with nothing unread is a no-op). With 1 and with 200 users:
 * the cost must not grow with the number of users (no write per user). Each SQLite trial writes
 * to its own copy of the data. {@code notifications}: {@code OFF} — every user has turned staff
 * notifications off, so the pair writes what the inbox needs and no deliveries; {@code DEFAULT} —
 * no user has configured them, so (with no assignee) every user holding a thread of the
 * conversation gets an email, an SMS and an in-app notification of each customer message.
 * Fifteen warm-up seconds: the write path is long, and on two cores the compiler needs a few
 * thousand pairs before the pair runs at the speed a running service sees (half the time of the
 * first second); at 1M messages the first pass over the 10,000 conversations (each one's pages and
 * row read for the first time) lasts some ten seconds, and the pair's median fell through the
 * first nine (measured: 316, 288, 270 µs in seconds seven to nine).
 *
 * <p>Run: {@code java -jar messaging-jmh/target/benchmarks.jar WriteBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 15, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class WriteBenchmark {
    @Param({"10000"})
    public int messages;

    @Param({"1", "200"})
    public int users;

    @Param({"MEMORY", "SQLITE"})
    public StoreKind store;

    @Param({"OFF", "DEFAULT"})
    public String notifications;

    private Messaging messaging;
    private Actor user;
    private DataSet data;
    private long next;

    @Setup(Level.Trial)
    public void setUp() {
        data = new DataSet(messages, users);
        messaging = Messaging.builder(store.open(data, true)).build();
        user = DataSet.user(0);
        if (notifications.equals("OFF")) {
            turnNotificationsOff(messaging, users);
        }
        InboxBenchmark.settleHeap();
    }

    /** Every one of the {@code users} data set users turns staff notifications off. */
    static void turnNotificationsOff(Messaging messaging, int users) {
        for (int u = 0; u < users; u++) {
            Actor each = DataSet.user(u);
            messaging.notificationConfig().set(each, new NotificationConfig(each.userId(), false, false, false));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        messaging.close();
    }

    @Benchmark
    public ThreadMetadata createAndMarkRead() {
        return createAndMarkRead(messaging, user, data, next++);
    }

    /** The {@code n}th pair: a message from the next customer in turn, then {@code user}'s markRead of it. */
    static ThreadMetadata createAndMarkRead(Messaging messaging, Actor user, DataSet data, long n) {
        int customer = (int) (n % data.customers);
        Message m = messaging.messages().create(DataSet.customer(customer),
                NewMessage.to("cust-" + customer, "is my car ready? " + (n + 1)).build());
        return messaging.threads().markRead(user, messaging.threads().threadId(user, m.conversationId()));
    }

}
