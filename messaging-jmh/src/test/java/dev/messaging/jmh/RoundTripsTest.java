package dev.messaging.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.ConversationUpdate;
import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.SendResult;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.jdbi.JdbiStore;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The round trips each public call makes to PostgreSQL, counted on the wire by the benchmark
 * module's proxy (a Sync or a Query sent is one), each the least of three runs of the same call
 * (so that a pool's occasional validation does not count), and held to a budget: a write in at
 * most 3 (its settings, lock and reads; its writes; COMMIT), a read in at most 2 (its statements;
 * COMMIT). A claim and an outcome are held to today's counts (4 and 3), above the 2: a
 * claim is one statement and its COMMIT, then reads its messages in a read of each tenant's (2
 * more); an outcome locks its delivery and reads its message with the tenant's lock, records the
 * provider's id (a unique key, checked when sent) with the reports that came before it, and commits.
 */
class RoundTripsTest {
    private static DelayingProxy proxy;
    private static Messaging messaging;
    private static final Actor ALICE = Actor.user("rt-co", "rt-loc", "alice");
    private static int next;
    private static final Map<String, Long> COUNTED = new LinkedHashMap<>();

    @BeforeAll
    static void open() throws Exception {
        String database = StoreKind.newDatabase();
        proxy = new DelayingProxy("localhost", StoreKind.serverPort(), 0);
        messaging = Messaging.builder(JdbiStore.create(StoreKind.pool(database, 2, proxy.port()))).build();
        for (int c = 0; c < 4; c++) {
            Message m = customerSays("c" + c);
            messaging.conversations().update(ALICE, m.conversationId(), ConversationUpdate.empty()
                    .contact(new Contact("person", null, null, null, null, "+155500" + c, null)));
        }
        messaging.threads().markRead(ALICE, messaging.threads().threadId(ALICE, customerSays("c0").conversationId()));
    }

    @AfterAll
    static void close() throws Exception {
        messaging.close();
        proxy.close();
        COUNTED.forEach((call, trips) -> System.out.printf("round trips: %-48s %d%n", call, trips));
    }

    private static Message customerSays(String customer) {
        return messaging.messages().create(Actor.customer("rt-co", "rt-loc", customer),
                NewMessage.to(customer, "hello " + ++next).build());
    }

    /** The least round trips of three runs of {@code call}, recorded under {@code name}. */
    private static long trips(String name, Runnable call) {
        return trips(name, () -> { }, call);
    }

    /** {@link #trips(String, Runnable)} with {@code before} run (and not counted) before each run. */
    private static long trips(String name, Runnable before, Runnable call) {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            before.run();
            long start = proxy.roundTrips();
            call.run();
            least = Math.min(least, proxy.roundTrips() - start);
        }
        COUNTED.put(name, least);
        return least;
    }

    @Test
    void writesStayWithinTheirBudget() {
        assertThat(trips("messages().create, nobody has read", () -> customerSays("c1"))).isLessThanOrEqualTo(3);
        String read = messaging.threads().threadId(ALICE, customerSays("c0").conversationId());
        assertThat(trips("messages().create, into a read thread", () -> messaging.threads().markRead(ALICE, read),
                () -> customerSays("c0"))).isLessThanOrEqualTo(3);
        assertThat(trips("messages().create, a customer's first", () -> customerSays("new-" + next)))
                .isLessThanOrEqualTo(3);
        String thread = messaging.threads().threadId(ALICE, customerSays("c2").conversationId());
        assertThat(trips("threads().markRead", () -> customerSays("c2"),
                () -> messaging.threads().markRead(ALICE, thread))).isLessThanOrEqualTo(3);
    }

    @Test
    void readsStayWithinTheirBudget() {
        messaging.inbox().list(ALICE, InboxQuery.all());
        assertThat(trips("inbox().list, first page", () -> messaging.inbox().list(ALICE, InboxQuery.all())))
                .isLessThanOrEqualTo(2);
        assertThat(trips("changes().since", () -> messaging.changes().since(ALICE, 0, 100))).isLessThanOrEqualTo(2);
    }

    @Test
    void aClaimAndItsOutcomeStayWithinTheirBudget() {
        List<Outgoing> claimed = new ArrayList<>();
        assertThat(trips("deliveries().claim", () -> messaging.messages().create(ALICE,
                NewMessage.to("c3", "ready " + ++next).sendSms(true).build()), () -> {
            claimed.clear();
            claimed.addAll(messaging.deliveries().claim(DeliveryChannel.SMS, 1, Duration.ofMinutes(1)));
        })).isLessThanOrEqualTo(4);
        assertThat(claimed).hasSize(1);
        assertThat(trips("deliveries().outcome", () -> {
            messaging.messages().create(ALICE, NewMessage.to("c3", "ready " + ++next).sendSms(true).build());
            claimed.clear();
            claimed.addAll(messaging.deliveries().claim(DeliveryChannel.SMS, 1, Duration.ofMinutes(1)));
        }, () -> messaging.deliveries().outcome(claimed.get(0), SendResult.sent("p-" + ++next))))
                .isLessThanOrEqualTo(3);
    }
}
