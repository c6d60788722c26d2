package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.common.Actor;
import dev.messaging.Messaging;
import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.SendResult;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.spi.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Providers call back out of order and more than once. For generated status sequences a provider
 * could report (forward steps, and a final failure only before the message was read), one message
 * gets the reports in order and another any permutation with repetitions: both end in the same
 * status, on every store.
 */
public abstract class CallbackProperties {
    private static final List<DeliveryStatus> STEPS = List.of(DeliveryStatus.QUEUED, DeliveryStatus.SENT,
            DeliveryStatus.DELIVERED, DeliveryStatus.READ, DeliveryStatus.OPENED, DeliveryStatus.CLICKED);
    private Messaging messaging;
    private Actor alice;
    private Actor system;
    private int next;

    protected abstract Store newStore();

    @BeforeProperty
    void open() {
        messaging = Messaging.builder(newStore()).build();
        String company = "cb-" + UUID.randomUUID();
        alice = Actor.user(company, "loc", "alice");
        system = Actor.system(company, "loc");
    }

    @AfterProperty
    void close() {
        messaging.close();
    }

    /** A sequence a provider could report: steps in order, then maybe a final failure if nothing was read. */
    @Provide
    Arbitrary<List<DeliveryStatus>> reports() {
        return Arbitraries.subsetOf(STEPS).flatMap(steps -> {
            List<DeliveryStatus> path = new ArrayList<>(steps);
            path.sort((a, b) -> Integer.compare(STEPS.indexOf(a), STEPS.indexOf(b)));
            boolean read = path.stream().anyMatch(s -> STEPS.indexOf(s) >= STEPS.indexOf(DeliveryStatus.READ));
            if (read) {
                return Arbitraries.just(path);
            }
            return Arbitraries.of(DeliveryStatus.UNDELIVERED, DeliveryStatus.ERROR, null).map(last -> {
                List<DeliveryStatus> withEnd = new ArrayList<>(path);
                if (last != null) {
                    withEnd.add(last);
                }
                return withEnd;
            });
        });
    }

    @Property(tries = 60)
    void anyOrderAndRepetitionEndsWhereTheReportsInOrderEnd(@ForAll("reports") List<DeliveryStatus> path,
            @ForAll Random random) {
        Sent inOrder = sent();
        Sent mixed = sent();
        for (DeliveryStatus status : path) {
            messaging.deliveries().report(system, inOrder.provider(), status, null);
        }
        List<DeliveryStatus> reports = new ArrayList<>(path);
        for (int extra = path.isEmpty() ? 0 : random.nextInt(5); extra > 0; extra--) {
            reports.add(path.get(random.nextInt(path.size())));
        }
        Collections.shuffle(reports, random);
        for (DeliveryStatus status : reports) {
            messaging.deliveries().report(system, mixed.provider(), status, null);
        }
        assertThat(status(mixed)).as("reports %s against %s in order", reports, path).isEqualTo(status(inOrder));
    }

    /** A message and the provider's id of its SMS. */
    private record Sent(String messageId, String provider) {
    }

    /** A new SMS, claimed and sent. */
    private Sent sent() {
        String customer = "c" + next++;
        Message m = messaging.messages().create(alice, NewMessage.to(customer, "hello").sendSms(true).build());
        Outgoing ours = messaging.deliveries().claim(DeliveryChannel.SMS, 1_000, Duration.ofMinutes(5)).stream()
                .filter(o -> o.message().id().equals(m.id())).findFirst().orElseThrow();
        String provider = "p-" + m.id() + "-" + alice.tenant().companyId();
        messaging.deliveries().outcome(ours, SendResult.sent(provider));
        return new Sent(m.id(), provider);
    }

    private DeliveryStatus status(Sent sent) {
        return messaging.messages().find(alice, sent.messageId()).orElseThrow().sms().status();
    }
}
