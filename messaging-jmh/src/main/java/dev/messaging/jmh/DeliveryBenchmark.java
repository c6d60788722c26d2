package dev.messaging.jmh;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.NewConversation;
import dev.messaging.delivery.SendResult;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.NewMessage;
import dev.messaging.outbox.DeliveryWorker;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
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
 * The outbox drained by the library's own {@link DeliveryWorker}: each iteration first fills the
 * outbox with {@code deliveries} SMS sends (outside the measurement), then the measured call starts
 * a worker of {@code workers} threads (claims of 50, a sender that answers Sent at once) and
 * returns when every outcome is recorded and the worker is closed. The score is the time to drain
 * {@code deliveries}: deliveries per second = deliveries / score. The sends are of one tenant, the
 * worst case for SQLite's single writer and PostgreSQL's per-tenant lock.
 *
 * <p>Run: {@code java -jar messaging-jmh/target/benchmarks.jar DeliveryBenchmark}; PostgreSQL
 * (embedded): add {@code -p store=POSTGRES}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 10)
@Fork(1)
public class DeliveryBenchmark {
    @Param({"2000"})
    public int deliveries;

    @Param({"1", "4"})
    public int workers;

    @Param({"MEMORY", "SQLITE"})
    public StoreKind store;

    private Messaging messaging;
    private Actor staff;
    private int round;

    @Setup(Level.Trial)
    public void setUp() {
        messaging = Messaging.builder(store.empty()).build();
        staff = DataSet.user(0);
        for (int c = 0; c < 100; c++) { // a send needs its customer's address
            messaging.conversations().create(staff, NewConversation.forCustomer("cust-" + c)
                    .withContact(new Contact("person", null, null, null, null, "+1555000" + c, null)));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        messaging.close();
    }

    /** Fills the outbox: {@code deliveries} staff replies that ask for an SMS, over 100 customers. */
    @Setup(Level.Iteration)
    public void fillOutbox() {
        round++;
        for (int i = 0; i < deliveries; i++) {
            messaging.messages().create(staff, NewMessage.to("cust-" + i % 100, "your car is ready " + round + "/" + i)
                    .sendSms(true).build());
        }
    }

    /** Checks the drain was whole: nothing is left due (a benchmark that sent less would be wrong). */
    @TearDown(Level.Iteration)
    public void checkDrained() {
        if (!messaging.deliveries().claim(DeliveryChannel.SMS, 1, Duration.ofSeconds(1)).isEmpty()) {
            throw new IllegalStateException("deliveries left in the outbox after a drain");
        }
    }

    @Benchmark
    public long drain() throws InterruptedException {
        CountDownLatch handed = new CountDownLatch(deliveries);
        DeliveryWorker worker = messaging.deliveries().worker().threads(workers).batch(50)
                .sender(DeliveryChannel.SMS, sms -> {
                    handed.countDown();
                    return SendResult.sent("provider-" + sms.key());
                }).start();
        handed.await();
        worker.close(); // returns once the threads recorded the outcomes of what they claimed
        if (worker.sent() != deliveries) {
            throw new IllegalStateException("sent " + worker.sent() + " of " + deliveries);
        }
        return worker.sent();
    }
}
