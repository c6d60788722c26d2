package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.contract.ContractSupport;
import dev.messaging.contract.SequentialIds;
import dev.messaging.message.Message;
import dev.messaging.message.MessageQuery;
import dev.messaging.message.NewMessage;
import dev.messaging.spi.Store;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two {@link Messaging} instances, each with its own pool, write to one PostgreSQL database at
 * once — as two instances of a service would; counters, unread state and the feed stay exact.
 */
class PostgresTwoInstancesTest extends ContractSupport {
    private HikariDataSource secondPool;

    @Override
    protected Store newStore() {
        return JdbiStore.create(TestDatabases.postgresPool());
    }

    @Test
    void countersAndUnreadStateStayExactWithTwoInstancesWritingAtOnce() throws Exception {
        secondPool = TestDatabases.newPostgresPool("postgres", 4);
        try (Messaging second = Messaging.builder(JdbiStore.create(secondPool)).clock(clock)
                .ids(new SequentialIds()).build()) {
            List<String> customers = List.of("c0", "c1", "c2");
            List<Actor> users = List.of(alice, bob);
            Map<String, String> conversations = new HashMap<>();
            for (String c : customers) {
                conversations.put(c, conversationOf(c).id());
            }
            ExecutorService threads = Executors.newFixedThreadPool(6);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                Messaging instance = t % 2 == 0 ? messaging : second;
                int seed = t;
                work.add(threads.submit(() -> {
                    Random random = new Random(seed);
                    for (int i = 0; i < 40; i++) {
                        String c = customers.get(random.nextInt(customers.size()));
                        Actor user = users.get(random.nextInt(users.size()));
                        switch (random.nextInt(4)) {
                            case 0, 1 -> instance.messages().create(customer(c), NewMessage.to(c, "q" + i).build());
                            case 2 -> instance.threads().markRead(user,
                                    instance.threads().threadId(user, conversations.get(c)));
                            default -> {
                                List<Message> some = instance.messages().list(user, conversations.get(c),
                                        MessageQuery.first().limit(100)).items();
                                if (!some.isEmpty()) {
                                    instance.messages().delete(user, some.get(random.nextInt(some.size())).id(), null);
                                }
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(2, TimeUnit.MINUTES);
            }
            threads.shutdown();
            assertCountsMatchRecount(users, conversations.values());
            List<Long> sequences = feed().stream().map(c -> c.sequence()).toList();
            for (int i = 0; i < sequences.size(); i++) {
                assertThat(sequences.get(i)).isEqualTo(i + 1L);
            }
        } finally {
            secondPool.close();
        }
    }
}
