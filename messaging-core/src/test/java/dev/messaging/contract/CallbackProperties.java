package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.NewConversation;
import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.SendResult;
import dev.messaging.generated.Cases;
import dev.messaging.generated.Gen;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.spi.Store;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

    @BeforeEach
    void open() {
        messaging = Messaging.builder(newStore()).build();
        String company = "cb-" + UUID.randomUUID();
        alice = Actor.user(company, "loc", "alice");
        system = Actor.system(company, "loc");
    }

    @AfterEach
    void close() {
        messaging.close();
    }

    /** A sequence a provider could report: steps in order, then maybe a final failure if nothing was read. */
    private static List<DeliveryStatus> reports(Gen gen) {
        List<DeliveryStatus> path = new ArrayList<>(gen.subsetOf(STEPS));
        boolean read = path.stream().anyMatch(s -> STEPS.indexOf(s) >= STEPS.indexOf(DeliveryStatus.READ));
        if (!read) {
            DeliveryStatus last = gen.oneOf(DeliveryStatus.UNDELIVERED, DeliveryStatus.ERROR, null);
            if (last != null) {
                path.add(last);
            }
        }
        return path;
    }

    @Test
    void anyOrderAndRepetitionEndsWhereTheReportsInOrderEnd() {
        Cases.run(60, gen -> anyOrderAndRepetitionEndsWhereTheReportsInOrderEnd(reports(gen), gen));
    }

    private void anyOrderAndRepetitionEndsWhereTheReportsInOrderEnd(List<DeliveryStatus> path, Gen gen) {
        Sent inOrder = sent();
        Sent mixed = sent();
        for (DeliveryStatus status : path) {
            messaging.deliveries().report(system, inOrder.provider(), status, null);
        }
        List<DeliveryStatus> reports = new ArrayList<>(path);
        for (int extra = path.isEmpty() ? 0 : gen.between(0, 4); extra > 0; extra--) {
            reports.add(gen.oneOf(path));
        }
        gen.shuffle(reports);
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
        messaging.conversations().create(alice, NewConversation.forCustomer(customer)
                .withContact(new Contact("person", null, null, null, null, "+15550100", null)));
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
