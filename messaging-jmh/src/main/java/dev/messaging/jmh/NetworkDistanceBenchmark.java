package dev.messaging.jmh;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.ConversationUpdate;
import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.SendResult;
import dev.messaging.inbox.InboxEntry;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.jdbi.JdbiStore;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.thread.ThreadMetadata;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

/**
 * The PostgreSQL store with the database at network distance: the pool (8 connections) reaches the
 * embedded server through a {@link DelayingProxy} that holds every chunk {@code delayMicros} each way
 * (0: the proxy alone; 500: a 1 ms round trip, as between availability zones). Sampled, in ms: a
 * customer message into a conversation nobody has read ({@code createNobodyRead}), into one a user
 * has read ({@code createIntoReadThread}), a customer's first message ({@code createFirstMessage}),
 * a user's markRead of a thread with one unread message, the user's first inbox page, one delivery
 * claimed and its outcome recorded. Throughput, creates per second: 4 writers on one tenant
 * ({@code oneTenantFourWriters}), and 8 writers each on a tenant of its own
 * ({@code eightTenantsEightWriters}).
 *
 * <p>Run: {@code java -jar messaging-jmh/target/benchmarks.jar NetworkDistanceBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class NetworkDistanceBenchmark {
    private static final int CUSTOMERS = 100;
    private static final int TENANTS = 8;

    @Param({"0", "500"})
    public long delayMicros;

    private DelayingProxy proxy;
    private Messaging messaging;
    private final Actor alice = DataSet.user(0);
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger threads = new AtomicInteger();

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        String database = StoreKind.newDatabase();
        proxy = new DelayingProxy("localhost", StoreKind.serverPort(), delayMicros);
        messaging = Messaging.builder(JdbiStore.create(StoreKind.pool(database, 8, proxy.port()))).build();
        for (int c = 0; c < CUSTOMERS; c++) {
            Message m = messaging.messages().create(DataSet.customer(c), NewMessage.to("cust-" + c, "hello").build());
            if (c < CUSTOMERS / 2) { // alice has read the first half
                messaging.threads().markRead(alice, messaging.threads().threadId(alice, m.conversationId()));
            }
            messaging.conversations().update(alice, m.conversationId(),
                    ConversationUpdate.empty().contact(
                            new Contact("person", null, null, null, null, "+1555000" + c, null)));
        }
        for (int t = 0; t < TENANTS; t++) {
            Actor customer = Actor.customer(DataSet.COMPANY, "tenant-" + t, "c");
            messaging.messages().create(customer, NewMessage.to("c", "hello").build());
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        messaging.close();
        proxy.close();
    }

    private Message customerSays(int customer) {
        return messaging.messages().create(DataSet.customer(customer),
                NewMessage.to("cust-" + customer, "any news? " + next.incrementAndGet()).build());
    }

    @Benchmark
    public Message createNobodyRead() {
        return customerSays(CUSTOMERS / 2 + next.get() % (CUSTOMERS / 2));
    }

    @Benchmark
    public Message createIntoReadThread() {
        return customerSays(next.get() % (CUSTOMERS / 2));
    }

    @Benchmark
    public Message createFirstMessage() {
        String customer = "new-" + next.incrementAndGet();
        return messaging.messages().create(Actor.customer(DataSet.COMPANY, DataSet.LOCATION, customer),
                NewMessage.to(customer, "first").build());
    }

    /** A thread of alice's with one unread message, made before each markRead. */
    @State(Scope.Thread)
    public static class Unread {
        String threadId;

        @Setup(Level.Invocation)
        public void arrive(NetworkDistanceBenchmark b) {
            Message m = b.customerSays(b.next.get() % (CUSTOMERS / 2));
            threadId = b.messaging.threads().threadId(b.alice, m.conversationId());
        }
    }

    @Benchmark
    public ThreadMetadata markRead(Unread unread) {
        return messaging.threads().markRead(alice, unread.threadId);
    }

    @Benchmark
    public List<InboxEntry> firstInboxPage() {
        return messaging.inbox().list(alice, InboxQuery.all()).items();
    }

    /** One SMS waiting in the outbox, queued before each claim. */
    @State(Scope.Thread)
    public static class Due {
        @Setup(Level.Invocation)
        public void queue(NetworkDistanceBenchmark b) {
            int c = b.next.incrementAndGet() % CUSTOMERS;
            b.messaging.messages().create(b.alice, NewMessage.to("cust-" + c, "ready").sendSms(true).build());
        }
    }

    @Benchmark
    public int claimAndOutcome(Due due) {
        List<Outgoing> claimed = messaging.deliveries().claim(DeliveryChannel.SMS, 1, Duration.ofMinutes(1));
        for (Outgoing o : claimed) {
            messaging.deliveries().outcome(o, SendResult.sent("p-" + o.key()));
        }
        return claimed.size();
    }

    /** The tenant a writer thread writes to: each its own. */
    @State(Scope.Thread)
    public static class Writer {
        Actor customer;

        @Setup(Level.Trial)
        public void pick(NetworkDistanceBenchmark b) {
            customer = Actor.customer(DataSet.COMPANY, "tenant-" + b.threads.getAndIncrement() % TENANTS, "c");
        }
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(4)
    public Message oneTenantFourWriters() {
        return customerSays(next.get() % CUSTOMERS);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @Threads(8)
    public Message eightTenantsEightWriters(Writer writer) {
        return messaging.messages().create(writer.customer, NewMessage.to("c", "hi " + next.incrementAndGet()).build());
    }
}
