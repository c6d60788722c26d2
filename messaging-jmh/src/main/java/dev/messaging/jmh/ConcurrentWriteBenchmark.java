package dev.messaging.jmh;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.notification.NotificationConfig;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.ThreadParams;

/**
 * Customer messages created by 1, 4 and 8 threads at once on a store that starts empty (one
 * tenant, one staff user with notifications off). Each thread writes to conversations of its own
 * customers, so no two threads touch one conversation; the first message of each customer opens
 * its conversation. The score is creates per second summed over the threads: on SQLite it shows
 * what the single writer's group commit gains when writers queue.
 *
 * <p>Run: {@code java -jar messaging-jmh/target/benchmarks.jar ConcurrentWriteBenchmark}; PostgreSQL
 * (embedded): add {@code -p store=POSTGRES}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConcurrentWriteBenchmark {
    /** Customers each thread cycles through. */
    private static final int CUSTOMERS_PER_THREAD = 1_000;

    @Param({"MEMORY", "SQLITE"})
    public StoreKind store;

    Messaging messaging;

    @Setup(Level.Trial)
    public void setUp() {
        messaging = Messaging.builder(store.empty()).build();
        Actor staff = DataSet.user(0);
        messaging.notificationConfig().set(staff, new NotificationConfig(staff.userId(), false, false, false));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        messaging.close();
    }

    /** One writer thread's customers: {@code w<thread>-c<n>}. */
    @State(Scope.Thread)
    public static class Writer {
        private String prefix;
        private long next;

        @Setup(Level.Trial)
        public void setUp(ThreadParams thread) {
            prefix = "w" + thread.getThreadIndex() + "-c";
        }

        Message create(Messaging messaging) {
            String customerId = prefix + (next % CUSTOMERS_PER_THREAD);
            Actor customer = Actor.customer(DataSet.COMPANY, DataSet.LOCATION, customerId);
            return messaging.messages().create(customer, NewMessage.to(customerId, "is my car ready? " + next++).build());
        }
    }

    @Benchmark
    @Threads(1)
    public Message writers1(Writer writer) {
        return writer.create(messaging);
    }

    @Benchmark
    @Threads(4)
    public Message writers4(Writer writer) {
        return writer.create(messaging);
    }

    @Benchmark
    @Threads(8)
    public Message writers8(Writer writer) {
        return writer.create(messaging);
    }
}
