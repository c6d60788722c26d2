package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.messaging.Messaging;
import dev.messaging.change.Change;
import dev.messaging.contract.DeliveryContract;
import dev.messaging.delivery.SendResult;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.outbox.DeliveryWorker;
import dev.messaging.spi.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The delivery suite on PostgreSQL, and the wake-ups between instances (LISTEN/NOTIFY).
 */
class PostgresDeliveryTest extends DeliveryContract {
    /** A database of its own: claims read every tenant, and other suites leave deliveries behind. */
    static final String DATABASE = "delivery";
    private final List<AutoCloseable> instances = new ArrayList<>();

    @Override
    protected Store newStore() {
        return JdbiStore.create(TestDatabases.postgresPool(DATABASE));
    }

    private Messaging otherInstance() {
        HikariDataSource pool = TestDatabases.newPostgresPool(DATABASE, 5);
        Messaging other = Messaging.builder(JdbiStore.create(pool)).clock(clock).build();
        instances.add(pool);
        instances.add(other);
        return other;
    }

    /**
     * A long poll on another instance returns when this one commits: it is woken by the
     * notification alone (its timeout is a minute, and nothing polls while the listener is up).
     */
    @Test
    void anotherInstancesCommitWakesALongPoll() throws Exception {
        Messaging other = otherInstance();
        ExecutorService poller = Executors.newSingleThreadExecutor();
        try {
            for (int round = 0; round < 5; round++) {
                long head = feedHead();
                Future<List<Change>> poll = poller.submit(
                        () -> other.changes().await(alice, head, 10, Duration.ofMinutes(1)));
                Thread.sleep(300); // the poll is waiting
                Message m = customerSays("c1", "round " + round);
                assertThat(poll.get(30, TimeUnit.SECONDS)).as("round %d", round)
                        .extracting(Change::entityId).contains(m.id());
            }
        } finally {
            poller.shutdownNow();
        }
    }

    /** A worker on another instance, idle for up to five minutes, is woken by this instance's send. */
    @Test
    void anotherInstancesSendWakesAnIdleWorker() throws Exception {
        Messaging other = otherInstance();
        BlockingQueue<String> sent = new LinkedBlockingQueue<>();
        try (DeliveryWorker worker = other.deliveries().worker().idlePoll(Duration.ofMinutes(5))
                .sender(DeliveryChannel.SMS, sms -> {
                    sent.add(sms.message().id());
                    return SendResult.sent("p-" + sms.key());
                }).start()) {
            for (int round = 0; round < 3; round++) {
                Thread.sleep(300); // the worker is idle
                tick();
                Message m = messaging.messages().create(alice, NewMessage.to("c1", "round " + round).sendSms(true)
                        .build());
                assertThat(sent.poll(30, TimeUnit.SECONDS)).as("round %d", round).isEqualTo(m.id());
            }
        }
    }

    @AfterEach
    void closeInstances() throws Exception {
        for (int i = instances.size() - 1; i >= 0; i--) {
            instances.get(i).close();
        }
    }
}
