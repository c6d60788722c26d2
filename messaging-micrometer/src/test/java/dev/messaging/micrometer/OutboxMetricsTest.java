package dev.messaging.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.NewConversation;
import dev.messaging.delivery.SendResult;
import dev.messaging.memory.InMemoryStore;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.NewMessage;
import dev.messaging.outbox.DeliveryWorker;
import dev.messaging.testing.RecordingSender;
import dev.messaging.testing.SettableClock;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The outbox's meters against a {@code SimpleMeterRegistry}: named, tagged, moving as deliveries move. */
class OutboxMetricsTest {
    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-05T09:00:00Z"));
    private final Actor alice = Actor.user("co", "loc", "alice");

    @Test
    void everyMeterIsNamedTaggedByChannelAndMovesAsDeliveriesMove() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RecordingSender sms = new RecordingSender().answer(o -> o.message().text().equals("busy")
                ? SendResult.retryLater("busy") : SendResult.sent("p-" + o.key()));
        try (Messaging messaging = Messaging.builder(new InMemoryStore()).clock(clock).build()) {
            messaging.conversations().create(alice, NewConversation.forCustomer("c1")
                    .withContact(new Contact("person", null, null, null, null, "+15550100", null)));
            messaging.messages().create(alice, NewMessage.to("c1", "ready").sendSms(true).build());
            messaging.messages().create(alice, NewMessage.to("c1", "busy").sendSms(true).build());
            clock.advance(Duration.ofMinutes(1));
            try (DeliveryWorker worker = messaging.deliveries().worker().sender(DeliveryChannel.SMS, sms)
                    .idlePoll(Duration.ofMillis(20)).start()) {
                // bound before the worker claims: the backlog as it stands
                new OutboxMetrics(messaging.deliveries(), worker, Duration.ZERO).bindTo(registry);
                assertThat(registry.getMeters().stream().map(m -> m.getId().getName()).collect(Collectors.toSet()))
                        .containsExactlyInAnyOrder("messaging.deliveries.waiting", "messaging.deliveries.lag",
                                "messaging.deliveries.outcomes", "messaging.deliveries.send",
                                "messaging.deliveries.send.max", "messaging.worker.healthy");
                assertThat(registry.getMeters()).filteredOn(m -> !m.getId().getName().equals("messaging.worker.healthy"))
                        .allSatisfy(m -> assertThat(m.getId().getTag("channel")).isIn(Arrays.stream(DeliveryChannel.values())
                                .map(c -> c.name().toLowerCase(Locale.ROOT)).toList()));
                sms.await(2, Duration.ofSeconds(20));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (outcome(registry, "retried") < 1 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(outcome(registry, "sent")).isEqualTo(1);
                assertThat(outcome(registry, "retried")).isEqualTo(1);
                assertThat(outcome(registry, "failed")).isZero();
                assertThat(registry.get("messaging.deliveries.send").tag("channel", "sms").functionTimer().count())
                        .isEqualTo(2);
                // the retry waits for its backoff: pending, not due
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (waiting(registry, "pending") != 1 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(waiting(registry, "pending")).isEqualTo(1);
                assertThat(waiting(registry, "due")).isZero();
                assertThat(registry.get("messaging.deliveries.lag").tag("channel", "sms").timeGauge()
                        .value(TimeUnit.SECONDS)).isZero();
                assertThat(registry.get("messaging.worker.healthy").gauge().value()).isEqualTo(1);
                clock.advance(Duration.ofMinutes(2)); // the retry falls due, and the provider is busy again
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (outcome(registry, "retried") < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(outcome(registry, "retried")).isEqualTo(2);
                assertThat(outcome(registry, "sent")).isEqualTo(1);
                assertThat(registry.get("messaging.deliveries.send.max").tag("channel", "sms").timeGauge()
                        .value(TimeUnit.NANOSECONDS)).isPositive();
            }
        }
    }

    @Test
    void theBacklogIsReadAtMostOncePerRefresh() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        try (Messaging messaging = Messaging.builder(new InMemoryStore()).clock(clock).build();
                DeliveryWorker worker = messaging.deliveries().worker().sender(DeliveryChannel.EMAIL,
                        new RecordingSender()).start()) {
            new OutboxMetrics(messaging.deliveries(), worker, Duration.ofHours(1)).bindTo(registry);
            messaging.conversations().create(alice, NewConversation.forCustomer("c1")
                    .withContact(new Contact("person", null, null, null, null, "+15550100", null)));
            assertThat(waiting(registry, "pending")).isZero(); // read now, kept for an hour
            messaging.messages().create(alice, NewMessage.to("c1", "ready").sendSms(true).build());
            assertThat(waiting(registry, "pending")).as("the reading an hour old at most").isZero();
        }
    }

    private static double outcome(SimpleMeterRegistry registry, String outcome) {
        return registry.get("messaging.deliveries.outcomes").tags("channel", "sms", "outcome", outcome)
                .functionCounter().count();
    }

    private static double waiting(SimpleMeterRegistry registry, String status) {
        Meter.Id id = registry.get("messaging.deliveries.waiting").tags("channel", "sms", "status", status).gauge()
                .getId();
        return registry.get(id.getName()).tags(id.getTags()).gauge().value();
    }
}
