package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.change.Change;
import dev.messaging.common.Actor;
import dev.messaging.error.FellBehindException;
import dev.messaging.feed.Subscription;
import dev.messaging.message.NewMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Change-feed subscriptions at scale, on a store: many subscriptions over many tenants share the
 * feed's threads (none of their own), each gets its tenant's changes once and in order; a stuck
 * listener delays only itself and ends as fallen behind once a change waited past the lag,
 * resumable without a gap; a subscription from far back, and one through a burst of writes, keep
 * up at their listener's pace without falling behind. Run with 2 listener threads, at most 100
 * changes queued per subscription and a lag of 1 s.
 */
public abstract class SubscriptionContract extends ContractSupport {
    @Override
    protected Messaging.Builder configure(Messaging.Builder builder) {
        return builder.subscriptions(2, 100, Duration.ofSeconds(1));
    }

    private Actor system(int tenant) {
        return Actor.system(company, "loc-" + tenant);
    }

    private void write(int tenant, int messages) {
        for (int i = 0; i < messages; i++) {
            messaging.messages().create(Actor.customer(company, "loc-" + tenant, "c" + (i % 3)),
                    NewMessage.to("c" + (i % 3), "hello " + i).build());
        }
    }

    private List<Long> sequences(Actor actor, long after) {
        List<Long> all = new ArrayList<>();
        while (true) {
            List<Change> batch = messaging.changes().since(actor, after, 100);
            if (batch.isEmpty()) {
                return all;
            }
            batch.forEach(c -> all.add(c.sequence()));
            after = batch.get(batch.size() - 1).sequence();
        }
    }

    private static List<Long> sequencesOf(List<Change> changes) {
        return changes.stream().map(Change::sequence).toList();
    }

    private static void within(long seconds, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!done.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    private static List<String> messagingThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("messaging-")).sorted().toList();
    }

    @Test
    void manySubscriptionsOverManyTenantsShareTheFeedsThreadsAndEachGetsItsTenantsChangesOnceInOrder()
            throws Exception {
        int tenants = 20;
        int perTenant = 10;
        List<String> threadsBefore = messagingThreads();
        List<List<Change>> seen = new ArrayList<>();
        List<Subscription> subscriptions = new ArrayList<>();
        for (int t = 0; t < tenants; t++) {
            for (int s = 0; s < perTenant; s++) {
                List<Change> mine = new CopyOnWriteArrayList<>();
                seen.add(mine);
                subscriptions.add(messaging.changes().subscribe(system(t), 0, mine::add));
            }
        }
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writing = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int first = w;
                writing.add(writers.submit(() -> {
                    for (int t = first; t < tenants; t += 2) {
                        write(t, 5);
                    }
                    return null;
                }));
            }
            for (Future<?> f : writing) {
                f.get(2, TimeUnit.MINUTES);
            }
        } finally {
            writers.shutdown();
        }
        List<String> threadsWhileSubscribed = new ArrayList<>(messagingThreads());
        threadsBefore.forEach(threadsWhileSubscribed::remove);
        for (int t = 0; t < tenants; t++) {
            List<Long> expected = sequences(system(t), 0);
            assertThat(expected).isNotEmpty();
            for (int s = 0; s < perTenant; s++) {
                List<Change> mine = seen.get(t * perTenant + s);
                within(30, () -> mine.size() >= expected.size());
                assertThat(sequencesOf(mine)).as("tenant %d, subscription %d", t, s).isEqualTo(expected);
            }
        }
        subscriptions.forEach(s -> assertThat(s.failure()).isNull());
        subscriptions.forEach(Subscription::close);
        assertThat(threadsWhileSubscribed.stream().filter(name -> name.startsWith("messaging-listener-")
                || name.equals("messaging-dispatcher")))
                .as("the feed's threads for %d subscriptions: 2 listener threads and a dispatcher", tenants * perTenant)
                .hasSizeLessThanOrEqualTo(3);
        assertThat(threadsWhileSubscribed).as("no thread per subscription (other tests' threads may come and go)")
                .hasSizeLessThan(tenants * perTenant / 10);
    }

    @Test
    void aStuckListenerDelaysOnlyItselfThenEndsAsFallenBehindAndResumesWithoutAGap() throws Exception {
        Actor shop = system(0);
        CountDownLatch release = new CountDownLatch(1);
        List<Change> slowSeen = new CopyOnWriteArrayList<>();
        List<Change> quickSeen = new CopyOnWriteArrayList<>();
        Subscription slow = messaging.changes().subscribe(shop, 0, change -> {
            release.await(60, TimeUnit.SECONDS);
            slowSeen.add(change);
        });
        Subscription quick = messaging.changes().subscribe(shop, 0, quickSeen::add);
        write(0, 150);
        List<Long> burst = sequences(shop, 0);
        within(60, () -> quickSeen.size() >= burst.size());
        assertThat(slow.isOpen()).as("no change waited past the lag yet").isTrue();
        Thread.sleep(1_500);
        write(0, 1); // the next round of the tenant finds the stuck listener's oldest change 1.5 s old
        List<Long> expected = sequences(shop, 0);
        within(60, () -> quickSeen.size() >= expected.size() && !slow.isOpen());
        assertThat(sequencesOf(quickSeen)).as("the quick listener, not held by the stuck one").isEqualTo(expected);
        assertThat(quick.isOpen()).isTrue();
        assertThat(slow.isOpen()).isFalse();
        assertThat(slow.failure()).isInstanceOf(FellBehindException.class)
                .hasMessageContaining("lastSequence()");
        release.countDown();
        slow.close();
        quick.close();
        long resumeFrom = slow.lastSequence();
        assertThat(sequencesOf(slowSeen)).isEqualTo(expected.subList(0, slowSeen.size()));
        assertThat(resumeFrom).isEqualTo(slowSeen.get(slowSeen.size() - 1).sequence());

        List<Change> resumed = new CopyOnWriteArrayList<>();
        try (Subscription again = messaging.changes().subscribe(shop, resumeFrom, resumed::add)) {
            List<Long> rest = sequences(shop, resumeFrom);
            within(30, () -> resumed.size() >= rest.size());
            assertThat(sequencesOf(resumed)).isEqualTo(rest);
            assertThat(again.failure()).isNull();
        }
    }

    @Test
    void aBurstOfWritesLargerThanTheQueueReachesALiveListenerWhole() throws Exception {
        Actor shop = system(4);
        List<Change> seen = new CopyOnWriteArrayList<>();
        try (Subscription subscription = messaging.changes().subscribe(shop, 0, change -> {
            if (change.sequence() % 50 == 0) {
                Thread.sleep(5); // slower than the writes
            }
            seen.add(change);
        })) {
            write(4, 350);
            List<Long> expected = sequences(shop, 0);
            within(60, () -> seen.size() >= expected.size() || !subscription.isOpen());
            assertThat(subscription.failure()).isNull();
            assertThat(sequencesOf(seen)).isEqualTo(expected);
        }
    }

    @Test
    void aSubscriptionFromFarBackCatchesUpAtItsListenersPaceWithoutFallingBehind() throws Exception {
        Actor shop = system(1);
        write(1, 350);
        List<Long> expected = sequences(shop, 0);
        assertThat(expected.size()).isGreaterThan(300);
        List<Change> seen = new CopyOnWriteArrayList<>();
        try (Subscription subscription = messaging.changes().subscribe(shop, 0, change -> {
            if (change.sequence() % 50 == 0) {
                Thread.sleep(5); // slower than the reads
            }
            seen.add(change);
        })) {
            within(60, () -> seen.size() >= expected.size() || !subscription.isOpen());
            assertThat(subscription.failure()).isNull();
            assertThat(subscription.isOpen()).isTrue();
            assertThat(sequencesOf(seen)).isEqualTo(expected);
            assertThat(subscription.lastSequence()).isEqualTo(expected.get(expected.size() - 1));
        }
    }

    @Test
    void aListenerThatThrowsEndsItsSubscriptionAndTheChangeItFailedOnIsTheNext() throws Exception {
        Actor shop = system(2);
        write(2, 2);
        List<Long> expected = sequences(shop, 0);
        long failOn = expected.get(2);
        List<Change> seen = new CopyOnWriteArrayList<>();
        Subscription subscription = messaging.changes().subscribe(shop, 0, change -> {
            if (change.sequence() == failOn) {
                throw new IllegalStateException("the screen is gone");
            }
            seen.add(change);
        });
        within(30, () -> !subscription.isOpen());
        subscription.close();
        assertThat(subscription.failure()).isInstanceOf(IllegalStateException.class).hasMessage("the screen is gone");
        assertThat(sequencesOf(seen)).isEqualTo(expected.subList(0, 2));
        assertThat(subscription.lastSequence()).isEqualTo(expected.get(1));
    }

    @Test
    void closingTheMessagingEndsItsSubscriptionsNotAsFailed() throws Exception {
        List<Change> seen = new CopyOnWriteArrayList<>();
        Subscription subscription = messaging.changes().subscribe(system(3), 0, seen::add);
        write(3, 1);
        within(30, () -> !seen.isEmpty());
        messaging.close();
        assertThat(subscription.isOpen()).isFalse();
        assertThat(subscription.failure()).isNull();
    }
}
