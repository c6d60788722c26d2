package dev.messaging.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.change.Change;
import dev.messaging.common.Actor;
import dev.messaging.generated.Cases;
import dev.messaging.generated.Gen;
import dev.messaging.memory.InMemoryStore;
import dev.messaging.message.NewMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/**
 * Generated interleavings of the feed's dispatcher (seeded; {@code -Dmessaging.seed=N} draws the
 * same cases, the threads' timing aside): a few tenants, subscriptions with listeners of drawn
 * speeds on a small queue (100) and 2 listener threads, bursts of writes from 2 threads, some
 * subscriptions closed midway and started again from their {@code lastSequence()}. Every
 * subscription's listener, over its restarts, gets its tenant's changes after its start once each
 * and in order: no change lost to a wake-up that came at the wrong moment.
 */
class SubscriptionInterleavingTest {
    private static final int TENANTS = 3;

    /** One subscriber: its listener's pace, what it got, and its current subscription. */
    private static final class Subscriber {
        final Actor actor;
        final long start;
        final int pauseEvery;
        final List<Long> got = new CopyOnWriteArrayList<>();
        volatile Subscription current;

        Subscriber(Actor actor, long start, int pauseEvery) {
            this.actor = actor;
            this.start = start;
            this.pauseEvery = pauseEvery;
        }

        void subscribe(Messaging messaging, long after) {
            current = messaging.changes().subscribe(actor, after, this::take);
        }

        private void take(Change change) {
            if (pauseEvery > 0 && change.sequence() % pauseEvery == 0) {
                LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(500));
            }
            got.add(change.sequence());
        }
    }

    @Test
    void everySubscriberGetsItsTenantsChangesOnceAndInOrderThroughRestarts() {
        Cases.run(40, this::oneCase);
    }

    private void oneCase(Gen gen) {
        try (Messaging messaging = Messaging.builder(new InMemoryStore())
                .subscriptions(2, 100, Duration.ofMinutes(1)).build()) {
            String company = "co-" + gen.between(0, 1_000_000);
            List<Subscriber> subscribers = new ArrayList<>();
            for (int t = 0; t < TENANTS; t++) {
                Actor system = Actor.system(company, "loc-" + t);
                write(messaging, company, t, gen.between(0, 120));
                for (int s = gen.between(1, 4); s > 0; s--) {
                    long start = gen.chance(0.5) ? 0 : head(messaging, system);
                    Subscriber subscriber = new Subscriber(system, start, gen.oneOf(0, 0, 7, 50));
                    subscriber.subscribe(messaging, start);
                    subscribers.add(subscriber);
                }
            }
            int[] bursts = new int[TENANTS];
            for (int t = 0; t < TENANTS; t++) {
                bursts[t] = gen.between(0, 250);
            }
            boolean restart = gen.chance(0.7);
            ExecutorService writers = Executors.newFixedThreadPool(2);
            try {
                List<Future<?>> writing = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    int first = w;
                    writing.add(writers.submit(() -> {
                        for (int t = first; t < TENANTS; t += 2) {
                            write(messaging, company, t, bursts[t]);
                        }
                        return null;
                    }));
                }
                if (restart) { // while the writes go on: closed, and started again where it stopped
                    for (Subscriber subscriber : subscribers) {
                        if (gen.chance(0.5)) {
                            subscriber.current.close();
                            subscriber.subscribe(messaging, subscriber.current.lastSequence());
                        }
                    }
                }
                for (Future<?> f : writing) {
                    f.get(2, TimeUnit.MINUTES);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                writers.shutdown();
            }
            for (Subscriber subscriber : subscribers) {
                List<Long> expected = sequences(messaging, subscriber.actor, subscriber.start);
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (subscriber.got.size() < expected.size() && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
                }
                assertThat(subscriber.current.failure()).isNull();
                assertThat(subscriber.got).as("%s from %d", subscriber.actor.tenant(), subscriber.start)
                        .isEqualTo(expected);
            }
        }
    }

    private static void write(Messaging messaging, String company, int tenant, int messages) {
        for (int i = 0; i < messages; i++) {
            String customer = "c" + i % 4;
            messaging.messages().create(Actor.customer(company, "loc-" + tenant, customer),
                    NewMessage.to(customer, "hello " + i).build());
        }
    }

    private static long head(Messaging messaging, Actor actor) {
        List<Long> all = sequences(messaging, actor, 0);
        return all.isEmpty() ? 0 : all.get(all.size() - 1);
    }

    private static List<Long> sequences(Messaging messaging, Actor actor, long after) {
        List<Long> all = new ArrayList<>();
        messaging.changes().stream(actor, after).forEach(c -> all.add(c.sequence()));
        return all;
    }
}
