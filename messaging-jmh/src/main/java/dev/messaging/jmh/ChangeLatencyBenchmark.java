package dev.messaging.jmh;

import dev.messaging.Messaging;
import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Actor;
import dev.messaging.feed.Subscription;
import dev.messaging.jdbi.JdbiStore;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.spi.Store;
import java.util.concurrent.Semaphore;
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
 * How soon a subscriber sees a write: {@code writeToSubscriber} creates a customer message and
 * returns when a {@code changes().subscribe} listener has received its change; {@code writeOnly}
 * is the same create alone, so the difference is the wake-up and the subscriber's read. Both are
 * sampled (median and p99). In process for the in-memory and SQLite stores (writer and subscriber
 * on one {@link Messaging}); on PostgreSQL across instances: the subscriber is a second store on
 * the same database, woken by LISTEN/NOTIFY. The conversations exist before the measurement
 * ({@code customers} of them, written in turn).
 *
 * <p>Run: {@code java -jar messaging-jmh/target/benchmarks.jar ChangeLatencyBenchmark}; PostgreSQL
 * (embedded) across two instances: add {@code -p store=POSTGRES}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChangeLatencyBenchmark {
    @Param({"100"})
    public int customers;

    @Param({"MEMORY", "SQLITE"})
    public StoreKind store;

    private Messaging writer;
    private Messaging reader;
    private final Actor screen = Actor.system(DataSet.COMPANY, DataSet.LOCATION);
    private Subscription subscription;
    private final Semaphore received = new Semaphore(0);
    private long next;

    @Setup(Level.Trial)
    public void setUp() {
        if (store == StoreKind.POSTGRES) {
            String database = StoreKind.newDatabase();
            writer = Messaging.builder(JdbiStore.create(StoreKind.pool(database, 4))).build();
            reader = Messaging.builder(JdbiStore.create(StoreKind.pool(database, 4))).build();
        } else {
            Store one = store.empty();
            writer = Messaging.builder(one).build();
            reader = writer;
        }
        for (int c = 0; c < customers; c++) {
            writer.messages().create(DataSet.customer(c), NewMessage.to("cust-" + c, "hello").build());
        }
        subscription = reader.changes().subscribe(screen, latest(), change -> {
            if (change.entityType() == EntityType.MESSAGE && change.operation() == Operation.CREATE) {
                received.release();
            }
        });
    }

    /** The sequence of the feed's newest change. */
    private long latest() {
        long head = 0;
        for (var page = writer.changes().since(screen, 0, 100); !page.isEmpty();
                page = writer.changes().since(screen, head, 100)) {
            head = page.get(page.size() - 1).sequence();
        }
        return head;
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        subscription.close();
        if (reader != writer) {
            reader.close();
        }
        writer.close();
    }

    /**
     * Lets the subscriber catch up with writeOnly's changes and drops their permits, so that each
     * writeToSubscriber waits for its own change.
     */
    @Setup(Level.Iteration)
    public void settle() throws InterruptedException {
        long head = latest();
        while (subscription.lastSequence() < head) {
            Thread.sleep(10);
        }
        received.drainPermits();
    }

    private Message create() {
        int c = (int) (next++ % customers);
        return writer.messages().create(DataSet.customer(c), NewMessage.to("cust-" + c, "any news? " + next).build());
    }

    @Benchmark
    public Message writeToSubscriber() throws InterruptedException {
        Message m = create();
        if (!received.tryAcquire(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the subscriber did not see the write within 10 s");
        }
        return m;
    }

    @Benchmark
    public Message writeOnly() {
        return create();
    }
}
