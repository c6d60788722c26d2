package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.change.Change;
import dev.messaging.common.Actor;
import dev.messaging.common.Tenant;
import dev.messaging.delivery.SendResult;
import dev.messaging.delivery.Sender;
import dev.messaging.feed.Subscription;
import dev.messaging.message.NewMessage;
import dev.messaging.notification.NotificationConfig;
import dev.messaging.outbox.DeliveryWorker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Many workers draining one outbox once each, and live changes under load, on every store (see
 * {@link DeliverySupport}).
 */
public abstract class DeliveryLoadContract extends DeliverySupport {

    @Nested
    @DisplayName("Many workers")
    class ManyWorkers {
        @Test
        void eachDeliveryIsSentExactlyOnceByConcurrentWorkers() throws Exception {
            int tenants = 8;
            int perTenant = deliveries() / tenants / 2;
            List<Actor> users = new ArrayList<>();
            ExecutorService writers = Executors.newFixedThreadPool(tenants);
            List<Future<?>> writing = new ArrayList<>();
            for (int t = 0; t < tenants; t++) {
                Actor user = Actor.user(company + "-w" + t, location, "alice");
                users.add(user);
                for (int c = 0; c < 20; c++) {
                    addressed(user, "c" + c);
                }
                writing.add(writers.submit(() -> {
                    for (int i = 0; i < perTenant; i++) {
                        messaging.messages().create(user, NewMessage.to("c" + (i % 20), "m" + i).sendSms(true)
                                .sendEmail(true).build());
                    }
                    return null;
                }));
            }
            for (Future<?> f : writing) {
                f.get(5, TimeUnit.MINUTES);
            }
            writers.shutdown();
            Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
            Set<Tenant> ours = new HashSet<>();
            users.forEach(u -> ours.add(u.tenant()));
            AtomicInteger ourSends = new AtomicInteger();
            Sender counting = o -> {
                if (ours.contains(o.tenant())) {
                    sends.computeIfAbsent(o.key(), k -> new AtomicInteger()).incrementAndGet();
                    ourSends.incrementAndGet();
                }
                return SendResult.sent("x-" + o.key());
            };
            List<DeliveryWorker> workers = workers(counting);
            try {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                while (ourSends.get() < tenants * perTenant * 2 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            } finally {
                workers.forEach(DeliveryWorker::close);
            }
            assertThat(sends).hasSize(tenants * perTenant * 2);
            assertThat(sends.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        }
    }

    @Nested
    @DisplayName("Live changes")
    class LiveChanges {
        @Test
        void aLongPollReturnsSoonAfterACommitAndEmptyAtItsTimeout() throws Exception {
            long head = feedHead();
            assertThat(messaging.changes().await(alice, head, 10, Duration.ofMillis(100))).isEmpty();
            ExecutorService writer = Executors.newSingleThreadExecutor();
            try {
                long began = System.nanoTime();
                Future<?> write = writer.submit(() -> {
                    Thread.sleep(200);
                    return customerSays("c1", "wake up");
                });
                List<Change> changes = messaging.changes().await(alice, head, 10, Duration.ofSeconds(20));
                long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
                write.get(10, TimeUnit.SECONDS);
                assertThat(changes).isNotEmpty();
                assertThat(took).as("woken by the commit, not the timeout").isLessThan(5_000);
            } finally {
                writer.shutdown();
            }
        }

        @Test
        void aSubscriberSeesEveryChangeOfConcurrentWritersOnceAndInOrder() throws Exception {
            List<Change> seen = new CopyOnWriteArrayList<>();
            long start = feedHead();
            int writers = 4;
            int each = changesPerWriter();
            try (Subscription subscription = messaging.changes().subscribe(alice, start, seen::add)) {
                ExecutorService threads = Executors.newFixedThreadPool(writers);
                List<Future<?>> writing = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    Actor user = Actor.user(company, location, "writer-" + w);
                    writing.add(threads.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            messaging.notificationConfig().set(user, new NotificationConfig(user.userId(), i % 2 == 0,
                                    true, true));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : writing) {
                    f.get(5, TimeUnit.MINUTES);
                }
                threads.shutdown();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (seen.size() < writers * each && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(subscription.failure()).isNull();
            }
            assertThat(seen).hasSize(writers * each);
            for (int i = 0; i < seen.size(); i++) {
                assertThat(seen.get(i).sequence()).isEqualTo(start + i + 1);
            }
        }
    }
}
