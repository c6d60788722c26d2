package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.change.Change;
import dev.messaging.common.Actor;
import dev.messaging.common.Tenant;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationQuery;
import dev.messaging.conversation.ConversationUpdate;
import dev.messaging.conversation.NewConversation;
import dev.messaging.error.ConflictException;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.inbox.InboxView;
import dev.messaging.message.Message;
import dev.messaging.message.MessageQuery;
import dev.messaging.message.NewMessage;
import dev.messaging.spi.InboxRow;
import dev.messaging.spi.InboxSpec;
import dev.messaging.verify.ConsistencyReport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The store SPI's atomic guarantees under real concurrent callers: insert-if-absent,
 * compare-and-set, a gap-free feed, and exact unread counts. Every store runs it unchanged.
 */
public abstract class ConcurrencyContract extends ContractSupport {
    protected static final int THREADS = 8;

    /** Runs {@code tasks} at once (released together by a latch) and returns their results or rethrows. */
    protected <T> List<Outcome<T>> concurrently(List<Callable<T>> tasks) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<Outcome<T>> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                try {
                    outcomes.add(new Outcome<>(future.get(2, TimeUnit.MINUTES), null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                } catch (TimeoutException e) {
                    throw new AssertionError("a task did not finish in 2 minutes (deadlock?)", e);
                }
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** What one concurrent task returned, or what it threw. */
    protected record Outcome<T>(T value, Throwable error) {
    }

    protected <T> List<Callable<T>> times(int n, Callable<T> task) {
        List<Callable<T>> tasks = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tasks.add(task);
        }
        return tasks;
    }

    /**
     * A read is one moment: a write that commits while a read runs is not in it (a store may instead
     * make the write wait for the read). On PostgreSQL this is the read's REPEATABLE READ; at READ
     * COMMITTED the page, read after the write's commit, would show it.
     */
    @Test
    void aReadDoesNotSeeAWriteThatCommitsWhileItRuns() throws Exception {
        customerSays("c1", "before the read");
        InboxSpec everything = new InboxSpec(alice.userId(), 0, InboxView.ALL, clock.instant(), false, false, null,
                null, List.of(), null, 10);
        ExecutorService writer = Executors.newSingleThreadExecutor();
        try {
            List<Future<Message>> write = new ArrayList<>();
            List<InboxRow> seen = store.read(new Tenant(company, location), tx -> {
                tx.allReadSeq(alice.userId()); // the read's first statement: its moment starts here
                write.add(writer.submit(() -> messaging.messages().create(customer("c2"),
                        NewMessage.to("c2", "during the read").build())));
                try {
                    write.get(0).get(2, TimeUnit.SECONDS);
                } catch (TimeoutException waitsForTheRead) {
                    // this store makes writes wait for reads: the read goes on without it
                } catch (InterruptedException | ExecutionException e) {
                    throw new AssertionError("the write during the read failed", e);
                }
                return tx.inbox(everything);
            });
            write.get(0).get(1, TimeUnit.MINUTES);
            assertThat(seen).extracting(row -> row.conversation().conversation().customerId()).containsExactly("c1");
            assertThat(inboxCustomers(alice, InboxQuery.all())).containsExactly("c2", "c1");
        } finally {
            writer.shutdownNow();
        }
    }

    @Test
    void getOrCreateFromEightThreadsAtOnceGivesOneConversation() throws Exception {
        List<Outcome<Conversation>> outcomes = concurrently(times(THREADS,
                () -> messaging.conversations().getOrCreate(alice, NewConversation.forCustomer("c1"))));
        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
        assertThat(outcomes.stream().map(o -> o.value().id()).distinct()).hasSize(1);
        assertThat(messaging.conversations().search(alice, ConversationQuery.all().contact("c1").includeDeleted())
                .items()).hasSize(1);
    }

    @Test
    void idempotentCreatesFromEightThreadsAtOnceGiveOneMessage() throws Exception {
        NewMessage request = NewMessage.to("c1", "only once").clientMessageId("retry-1").build();
        List<Outcome<Message>> outcomes = concurrently(times(THREADS,
                () -> messaging.messages().create(customer("c1"), request)));
        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
        assertThat(outcomes.stream().map(o -> o.value().id()).distinct()).hasSize(1);
        String conversationId = outcomes.get(0).value().conversationId();
        assertThat(messaging.messages().list(alice, conversationId, MessageQuery.first().includeDeleted()).items())
                .hasSize(1);
        assertThat(unread(alice, conversationId)).isEqualTo(1);
    }

    @Test
    void twoUpdatesFromOneVersionGiveOneConflictAndTheLoserChangesNothing() throws Exception {
        Conversation c = conversationOf("c1");
        List<Callable<Conversation>> tasks = List.of(
                () -> messaging.conversations().update(alice, c.id(),
                        ConversationUpdate.empty().subject("from alice").expectedVersion(1)),
                () -> messaging.conversations().update(bob, c.id(),
                        ConversationUpdate.empty().subject("from bob").expectedVersion(1)));
        List<Outcome<Conversation>> outcomes = concurrently(tasks);
        assertThat(outcomes).filteredOn(o -> o.error() == null).hasSize(1);
        assertThat(outcomes).filteredOn(o -> o.error() instanceof ConflictException).hasSize(1);
        Conversation winner = outcomes.stream().filter(o -> o.error() == null).findFirst().orElseThrow().value();
        Conversation stored = messaging.conversations().find(alice, c.id()).orElseThrow();
        assertThat(stored).isEqualTo(winner);
        assertThat(stored.version()).isEqualTo(2);
    }

    @Test
    void concurrentWritersLeaveTheChangeFeedGapFreeAndInCommitOrder() throws Exception {
        int perWriter = 25;
        AtomicBoolean writing = new AtomicBoolean(true);
        List<Long> seenByReader = new ArrayList<>();
        Thread reader = new Thread(() -> {
            long last = 0;
            while (writing.get() || !messaging.changes().since(alice, last, 1).isEmpty()) {
                for (Change change : messaging.changes().since(alice, last, 100)) {
                    seenByReader.add(change.sequence());
                    last = change.sequence();
                }
            }
        });
        reader.start();
        List<Callable<Integer>> writers = new ArrayList<>();
        for (int w = 0; w < THREADS; w++) {
            String customerId = "c" + w;
            writers.add(() -> {
                for (int i = 0; i < perWriter; i++) {
                    messaging.messages().create(customer(customerId), NewMessage.to(customerId, "m" + i).build());
                }
                return perWriter;
            });
        }
        List<Outcome<Integer>> outcomes = concurrently(writers);
        writing.set(false);
        reader.join(TimeUnit.MINUTES.toMillis(2));
        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
        int expected = THREADS * (perWriter + 1); // each customer's first message creates its conversation
        List<Long> all = feed().stream().map(Change::sequence).toList();
        assertThat(all).hasSize(expected);
        for (int i = 0; i < all.size(); i++) {
            assertThat(all.get(i)).isEqualTo(i + 1L);
        }
        assertThat(seenByReader).as("a reader following the feed sees every sequence once, in order")
                .isEqualTo(all);
    }

    @Test
    void customersAndUsersWritingReadingAndDeletingAtOnceLeaveEveryUnreadCountExact() throws Exception {
        List<String> customers = List.of("c0", "c1", "c2", "c3");
        List<Actor> users = List.of(alice, bob, Actor.user(company, location, "carol"));
        Map<String, String> conversations = new HashMap<>();
        for (String c : customers) {
            conversations.put(c, conversationOf(c).id());
        }
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int seed = t;
            tasks.add(() -> {
                Random random = new Random(seed);
                for (int i = 0; i < 40; i++) {
                    String c = customers.get(random.nextInt(customers.size()));
                    Actor user = users.get(random.nextInt(users.size()));
                    switch (seed % 4) {
                        case 0, 1 -> messaging.messages().create(customer(c), NewMessage.to(c, "q" + i).build());
                        case 2 -> {
                            if (random.nextInt(10) == 0) {
                                messaging.threads().markAllRead(user);
                            } else {
                                messaging.threads().markRead(user, threadId(user, conversations.get(c)));
                            }
                        }
                        default -> {
                            messaging.messages().create(user, NewMessage.to(c, "a" + i).build());
                            List<Message> some = messaging.messages().list(user, conversations.get(c),
                                    MessageQuery.first().limit(100)).items();
                            Message victim = some.isEmpty() ? null : some.get(random.nextInt(some.size()));
                            if (victim != null) {
                                if (random.nextBoolean()) {
                                    messaging.messages().delete(user, victim.id(), "cleanup");
                                } else {
                                    messaging.messages().restore(user, victim.id());
                                }
                            }
                        }
                    }
                }
                return 0;
            });
        }
        List<Outcome<Integer>> outcomes = concurrently(tasks);
        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).isNull());
        assertCountsMatchRecount(users, conversations.values());
    }

    /** Operations per thread in {@link #mixedOperationsFromEightThreadsLeaveAConsistentStore()}. */
    protected int mixedOperationsPerThread() {
        return 1_000;
    }

    @Test
    void mixedOperationsFromEightThreadsLeaveAConsistentStore() throws Exception {
        List<String> customers = List.of("c0", "c1", "c2", "c3", "c4", "c5");
        List<Actor> users = List.of(alice, bob, Actor.user(company, location, "carol"));
        Map<String, String> conversations = new HashMap<>();
        for (String c : customers) {
            conversations.put(c, conversationOf(c).id());
        }
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong pagesRead = new AtomicLong();
        Thread reader = new Thread(() -> {
            while (writing.get()) {
                messaging.inbox().list(bob, InboxQuery.all());
                messaging.inbox().list(alice, InboxQuery.all().unreadOnly());
                pagesRead.addAndGet(2);
            }
        });
        reader.start();
        int perThread = mixedOperationsPerThread();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int seed = 100 + t;
            tasks.add(() -> {
                Random random = new Random(seed);
                for (int i = 0; i < perThread; i++) {
                    String c = customers.get(random.nextInt(customers.size()));
                    String conversation = conversations.get(c);
                    Actor user = users.get(random.nextInt(users.size()));
                    String thread = threadId(user, conversation);
                    switch (random.nextInt(10)) {
                        case 0, 1, 2 -> messaging.messages().create(customer(c), NewMessage.to(c, "q" + i).build());
                        case 3 -> messaging.messages().create(user, NewMessage.to(c, "a" + i).build());
                        case 4 -> messaging.threads().markRead(user, thread);
                        case 5 -> messaging.threads().markUnread(user, thread);
                        case 6 -> messaging.threads().setArchived(user, thread, random.nextBoolean());
                        case 7 -> messaging.messages().create(customer(c),
                                NewMessage.to(c, "retry").clientMessageId(c + "-" + (i % 50)).build());
                        default -> {
                            List<Message> some = messaging.messages().list(user, conversation,
                                    MessageQuery.first().includeDeleted().limit(100)).items();
                            if (!some.isEmpty()) {
                                Message victim = some.get(random.nextInt(some.size()));
                                if (victim.deleted()) {
                                    messaging.messages().restore(user, victim.id());
                                } else {
                                    messaging.messages().delete(user, victim.id(), null);
                                }
                            }
                        }
                    }
                }
                return perThread;
            });
        }
        List<Outcome<Integer>> outcomes = concurrently(tasks);
        writing.set(false);
        reader.join(TimeUnit.MINUTES.toMillis(2));
        assertThat(outcomes).allSatisfy(o -> assertThat(o.error()).as("%s", o.error()).isNull());
        assertThat(pagesRead.get()).isPositive();
        ConsistencyReport report = messaging.verify(alice.tenant());
        assertThat(report.ok()).as("%s", report).isTrue();
        Map<String, Long> perClientId = new HashMap<>();
        for (String conversation : conversations.values()) {
            for (Message m : allMessages(conversation)) {
                if (m.clientMessageId() != null) {
                    perClientId.merge(m.clientMessageId(), 1L, Long::sum);
                }
            }
        }
        assertThat(perClientId).isNotEmpty();
        assertThat(perClientId.values()).allSatisfy(n -> assertThat(n).isEqualTo(1L));
    }
}
