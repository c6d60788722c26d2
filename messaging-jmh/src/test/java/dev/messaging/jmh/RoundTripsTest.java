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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The round trips each public call makes to PostgreSQL, counted on the wire by the benchmark
 * module's proxy (a Sync or a Query sent is one), each the least of three runs of the same call
 * (so that a pool's occasional validation does not count), and held to a budget: a write in at
 * most 2 (its settings, lock and reads; its writes with COMMIT), a read in at most 2 (its
 * statements; its ROLLBACK, sent after the answer: the caller waits for one). A claim is one
 * statement with its COMMIT, then reads its messages in a read of each tenant's (the caller waits
 * for 2, 3 in all); an outcome locks its delivery and reads its message, the reports that came
 * before its provider id and whether another delivery has that id, with the tenant's lock, then
 * writes and commits in one round trip: 2.
 */
class RoundTripsTest {
    private static DelayingProxy proxy;
    private static Messaging messaging;
    private static final Actor ALICE = Actor.user("rt-co", "rt-loc", "alice");
    private static int next;
    private static final Map<String, Long> COUNTED = new LinkedHashMap<>();
    private static final Map<String, Long> WAITED = new LinkedHashMap<>();
    private static final ExecutorService CALLER = Executors.newSingleThreadExecutor();

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
        CALLER.shutdown();
        COUNTED.forEach((call, trips) -> System.out.printf("round trips: %-48s %d%n", call, trips));
        WAITED.forEach((call, trips) -> System.out.printf("waited for:  %-48s %d%n", call, trips));
    }

    private static Message customerSays(String customer) {
        return messaging.messages().create(Actor.customer("rt-co", "rt-loc", customer),
                NewMessage.to(customer, "hello " + ++next).build());
    }

    /** The least round trips of three runs of {@code call}, recorded under {@code name}. */
    private static long trips(String name, Runnable call) {
        return trips(name, () -> { }, call);
    }

    /**
     * {@link #trips(String, Runnable)} with {@code before} run (and not counted) before each run;
     * counted once nothing more goes out (a read's ending, after its answer, included).
     */
    private static long trips(String name, Runnable before, Runnable call) {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            before.run();
            settle();
            long start = proxy.roundTrips();
            call.run();
            settle();
            least = Math.min(least, proxy.roundTrips() - start);
        }
        COUNTED.put(name, least);
        return least;
    }

    /** Waits until no round trip has gone out for 100 ms (what a call sends after its answer, sent). */
    private static void settle() {
        long seen = -1;
        while (proxy.roundTrips() != seen) {
            seen = proxy.roundTrips();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    /**
     * Whether {@code call} (after {@code before}) answers with every round trip after its first
     * {@code waited} held in the proxy: it waits for no more than those. Tried up to three times
     * (a pool's own round trip in the window takes a place), recorded under {@code name}.
     */
    private static boolean answersAfter(String name, int waited, Runnable before, Runnable call) throws Exception {
        for (int attempt = 1; attempt <= 3; attempt++) {
            before.run();
            settle();
            proxy.holdFrom(proxy.roundTrips() + waited + 1);
            Future<?> answer = CALLER.submit(call);
            try {
                answer.get(5, TimeUnit.SECONDS);
                WAITED.put(name, (long) waited);
                return true;
            } catch (TimeoutException e) {
                // it waits for a held round trip (or one of the pool's took a place): once more
            } finally {
                proxy.release();
                answer.get(30, TimeUnit.SECONDS);
            }
        }
        return false;
    }

    @Test
    void writesStayWithinTheirBudget() {
        assertThat(trips("messages().create, nobody has read", () -> customerSays("c1"))).isLessThanOrEqualTo(2);
        String read = messaging.threads().threadId(ALICE, customerSays("c0").conversationId());
        assertThat(trips("messages().create, into a read thread", () -> messaging.threads().markRead(ALICE, read),
                () -> customerSays("c0"))).isLessThanOrEqualTo(2);
        assertThat(trips("messages().create, into an unread thread", () -> customerSays("c0"))).isLessThanOrEqualTo(2);
        assertThat(trips("messages().create, a customer's first", () -> customerSays("new-" + next)))
                .isLessThanOrEqualTo(2);
        String thread = messaging.threads().threadId(ALICE, customerSays("c2").conversationId());
        assertThat(trips("threads().markRead", () -> customerSays("c2"),
                () -> messaging.threads().markRead(ALICE, thread))).isLessThanOrEqualTo(2);
    }

    @Test
    void readsStayWithinTheirBudget() throws Exception {
        messaging.inbox().list(ALICE, InboxQuery.all());
        assertThat(trips("inbox().list, first page", () -> messaging.inbox().list(ALICE, InboxQuery.all())))
                .isLessThanOrEqualTo(2);
        assertThat(trips("changes().since", () -> messaging.changes().since(ALICE, 0, 100))).isLessThanOrEqualTo(2);
        // the second, the read's ROLLBACK, goes after the answer: the caller waits for one
        assertThat(answersAfter("inbox().list, first page", 1, () -> { },
                () -> messaging.inbox().list(ALICE, InboxQuery.all()))).isTrue();
        assertThat(answersAfter("changes().since", 1, () -> { }, () -> messaging.changes().since(ALICE, 0, 100)))
                .isTrue();
    }

    @Test
    void aClaimAndItsOutcomeStayWithinTheirBudget() throws Exception {
        List<Outgoing> claimed = new ArrayList<>();
        Runnable ready = () -> messaging.messages().create(ALICE,
                NewMessage.to("c3", "ready " + ++next).sendSms(true).build());
        Runnable claim = () -> {
            claimed.clear();
            claimed.addAll(messaging.deliveries().claim(DeliveryChannel.SMS, 1, Duration.ofMinutes(1)));
        };
        assertThat(trips("deliveries().claim", ready, claim)).isLessThanOrEqualTo(3);
        assertThat(claimed).hasSize(1);
        // the claim with its COMMIT, then its messages read; that read's ROLLBACK goes after the answer
        assertThat(answersAfter("deliveries().claim", 2, ready, claim)).isTrue();
        assertThat(trips("deliveries().outcome", () -> {
            ready.run();
            claim.run();
        }, () -> messaging.deliveries().outcome(claimed.get(0), SendResult.sent("p-" + ++next))))
                .isLessThanOrEqualTo(2);
    }
}
