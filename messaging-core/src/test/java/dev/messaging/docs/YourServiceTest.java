package dev.messaging.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.NewConversation;
import dev.messaging.delivery.Outgoing;
import dev.messaging.memory.InMemoryStore;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.NewMessage;
import dev.messaging.outbox.DeliveryWorker;
import dev.messaging.testing.RecordingSender;
import dev.messaging.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's "In your tests" sample: a service's own test with a settable clock and a recording sender. */
class YourServiceTest {

    @Test
    void aScheduledReminderGoesOutWhenItsTimeComes() throws Exception {
        SettableClock clock = new SettableClock(Instant.parse("2026-03-02T09:00:00Z"));
        RecordingSender sms = new RecordingSender();
        try (Messaging messaging = Messaging.builder(new InMemoryStore()).clock(clock).build();
                DeliveryWorker worker = messaging.deliveries().worker()
                        .sender(DeliveryChannel.SMS, sms).idlePoll(Duration.ofMillis(20)).start()) {
            Actor shop = Actor.user("acme", "downtown", "user-1");
            messaging.conversations().create(shop, NewConversation.forCustomer("customer-42")
                    .withContact(new Contact("person", "Ann", "Lee", null, null, "+15550100", "en")));
            messaging.messages().create(shop, NewMessage.to("customer-42", "Your car is ready at 5")
                    .sendSms(true).sendAt(clock.instant().plus(Duration.ofHours(2))).build());

            assertEquals(List.of(), sms.await(1, Duration.ofMillis(200))); // not due yet
            clock.advance(Duration.ofHours(2));
            List<Outgoing> sent = sms.await(1, Duration.ofSeconds(5));
            assertEquals("Your car is ready at 5", sent.get(0).message().text());
        }
    }
}
