package dev.messaging.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.common.Page;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.NewConversation;
import dev.messaging.delivery.Delivery;
import dev.messaging.delivery.DeliveryQuery;
import dev.messaging.delivery.SendResult;
import dev.messaging.delivery.WorkerHealth;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.outbox.DeliveryWorker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The operations guide's sample (docs/guide/operations.md): meters, health, operator calls. */
class OperationsSampleTest {
    @Test
    void metersHealthAndOperatorCalls() throws Exception {
        Actor operator = Actor.user("co", "loc", "ops");
        try (Messaging messaging = Messaging.inMemory()) {
            messaging.conversations().create(operator, NewConversation.forCustomer("c1")
                    .withContact(new Contact("person", null, null, null, null, "+15550100", null)));
            Message message = messaging.messages().create(operator, NewMessage.to("c1", "hi").sendSms(true).build());
            try (DeliveryWorker worker = messaging.deliveries().worker()
                    .sender(DeliveryChannel.SMS, sms -> SendResult.failed("21211 invalid number"))
                    .start()) {
                MeterRegistry registry = new SimpleMeterRegistry();
                new OutboxMetrics(messaging.deliveries(), worker).bindTo(registry);

                WorkerHealth health = worker.health();
                if (!health.healthy()) {
                    System.err.println("outbox worker: " + health.problems());
                }

                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (messaging.deliveries().of(operator, message.id()).get(0).status() != DeliveryStatus.ERROR
                        && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Page<Delivery> failed = messaging.deliveries().operations()
                        .list(operator, DeliveryQuery.all().status(DeliveryStatus.ERROR));
                for (Delivery delivery : failed.items()) {
                    messaging.deliveries().operations().requeue(operator, delivery.id());
                }
                long purged = messaging.deliveries().operations().purge(operator, Duration.ofDays(30));

                assertThat(health.healthy()).isTrue();
                assertThat(failed.items()).hasSize(1);
                assertThat(purged).isZero();
                assertThat(registry.get("messaging.deliveries.outcomes").tags("channel", "sms", "outcome", "failed")
                        .functionCounter().count()).isPositive();
            }
        }
    }
}
