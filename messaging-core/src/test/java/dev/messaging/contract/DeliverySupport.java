package dev.messaging.contract;


import dev.messaging.Messaging;
import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.RetryPolicy;
import dev.messaging.delivery.Sender;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.outbox.DeliveryWorker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the delivery suites share: a clock a year before the other suites' (claims serve every
 * tenant of a store, and deliveries other tests left in a shared database are not due yet), two
 * addressed customers, helpers that look only at this tenant's deliveries, and the sizes a store
 * may lower for its slower tests.
 */
public abstract class DeliverySupport extends ContractSupport {
    protected static final Instant YEAR_BEFORE = T0.minus(Duration.ofDays(365));

    @BeforeEach
    void aYearBefore() {
        clock.set(YEAR_BEFORE);
        addressed(alice, "c1");
        addressed(alice, "c2");
    }

    /** Another messaging on the same store and clock, with a retry policy without jitter. */
    protected Messaging strict(int maxAttempts) {
        return Messaging.builder(store).clock(clock).ids(new SequentialIds())
                .retryPolicy(new RetryPolicy(Duration.ofSeconds(30), 2, Duration.ofHours(1), maxAttempts, 0)).build();
    }

    protected List<Outgoing> claimOurs(Messaging m, DeliveryChannel channel) {
        return m.deliveries().claim(channel, 1_000, Duration.ofMinutes(5)).stream()
                .filter(o -> o.tenant().equals(alice.tenant())).toList();
    }

    protected List<Outgoing> claimOurs(DeliveryChannel channel) {
        return claimOurs(messaging, channel);
    }

    protected Message find(String id) {
        return messaging.messages().find(alice, id).orElseThrow();
    }

    protected Message sms(String customer, String text) {
        tick();
        addressed(alice, customer);
        return messaging.messages().create(alice, NewMessage.to(customer, text).sendSms(true).build());
    }

    /** How many cancel-versus-claim rounds a store runs (1,000; a store may say fewer if each round is slow). */
    protected int rounds() {
        return 1_000;
    }







    /** How many deliveries the many-workers test sends (10,000). */
    protected int deliveries() {
        return 10_000;
    }

    /** The workers of the many-workers test: 8 threads on this store (a store may run several instances). */
    protected List<DeliveryWorker> workers(Sender sender) {
        return List.of(messaging.deliveries().worker().sender(DeliveryChannel.SMS, sender)
                .sender(DeliveryChannel.EMAIL, sender).threads(8).idlePoll(Duration.ofMillis(50)).start());
    }


    /** Writes per writer thread in the subscription test (2,500). */
    protected int changesPerWriter() {
        return 2_500;
    }
}
