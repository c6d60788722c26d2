package dev.messaging.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.change.Change;
import dev.messaging.common.Actor;
import dev.messaging.memory.InMemoryStore;
import dev.messaging.message.NewMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A tenant's wake-up lives only while someone waits on it: long polls and subscriptions on many
 * tenants (on tenants that do not exist too) leave no entry behind once they end, and a waiter is
 * still woken by its tenant's commit.
 */
class WaitersLeaveNothingTest {

    @Test
    void longPollsOnTwoHundredThousandAbsentTenantsLeaveNoEntry() {
        try (Messaging messaging = Messaging.builder(new InMemoryStore()).build()) {
            for (int i = 0; i < 200_000; i++) {
                List<Change> none = messaging.changes().await(Actor.system("co-" + i, "loc"), 0, 1, Duration.ZERO);
                assertThat(none).isEmpty();
            }
            assertThat(messaging.changes().waitedTenants()).isZero();
        }
    }

    @Test
    void subscriptionsOnAThousandTenantsLeaveNoEntryOnceClosed() {
        try (Messaging messaging = Messaging.builder(new InMemoryStore()).build()) {
            List<Subscription> open = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                open.add(messaging.changes().subscribe(Actor.system("co-" + i, "loc"), 0, change -> { }));
            }
            assertThat(messaging.changes().subscribedTenants()).isEqualTo(1_000);
            open.forEach(Subscription::close);
            assertThat(messaging.changes().subscribedTenants()).isZero();
        }
    }

    @Test
    void aWaiterIsCountedWhileItWaitsWokenByItsTenantsCommitAndThenGone() throws Exception {
        try (Messaging messaging = Messaging.builder(new InMemoryStore()).build()) {
            Actor system = Actor.system("co", "loc");
            CompletableFuture<List<Change>> poll = CompletableFuture.supplyAsync(
                    () -> messaging.changes().await(system, 0, 10, Duration.ofMinutes(2)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (messaging.changes().waitedTenants() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(messaging.changes().waitedTenants()).isEqualTo(1);
            messaging.messages().create(Actor.customer("co", "loc", "c1"), NewMessage.to("c1", "hello").build());
            assertThat(poll.get(60, TimeUnit.SECONDS)).isNotEmpty();
            assertThat(messaging.changes().waitedTenants()).isZero();
        }
    }
}
