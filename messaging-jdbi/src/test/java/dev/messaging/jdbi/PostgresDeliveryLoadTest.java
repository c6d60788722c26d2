package dev.messaging.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import dev.messaging.Messaging;
import dev.messaging.contract.DeliveryLoadContract;
import dev.messaging.delivery.Sender;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.outbox.DeliveryWorker;
import dev.messaging.spi.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/**
 * The delivery suite's many workers and live changes under load on PostgreSQL; its workers run as
 * two instances (two stores, each with its own pool, on one database) of four threads each,
 * claiming with {@code FOR UPDATE SKIP LOCKED}.
 */
class PostgresDeliveryLoadTest extends DeliveryLoadContract {
    private final List<AutoCloseable> instances = new ArrayList<>();

    @Override
    protected Store newStore() {
        return JdbiStore.create(TestDatabases.postgresPool(PostgresDeliveryTest.DATABASE));
    }

    @Override
    protected List<DeliveryWorker> workers(Sender sender) {
        HikariDataSource pool = TestDatabases.newPostgresPool(PostgresDeliveryTest.DATABASE, 5);
        Messaging second = Messaging.builder(JdbiStore.create(pool)).clock(clock).build();
        instances.add(pool);
        instances.add(second);
        List<DeliveryWorker> workers = new ArrayList<>();
        for (Messaging instance : List.of(messaging, second)) {
            workers.add(instance.deliveries().worker().sender(DeliveryChannel.SMS, sender)
                    .sender(DeliveryChannel.EMAIL, sender).threads(4).idlePoll(Duration.ofMillis(50)).start());
        }
        return workers;
    }

    @AfterEach
    void closeInstances() throws Exception {
        for (int i = instances.size() - 1; i >= 0; i--) {
            instances.get(i).close();
        }
    }
}
