package dev.messaging.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.change.Change;
import dev.messaging.common.Actor;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.NewConversation;
import dev.messaging.delivery.SendResult;
import dev.messaging.feed.Subscription;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.outbox.DeliveryWorker;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The sample of docs/guide/sending.md, compiled and run (DocSamplesTest keeps the copy in step). */
class SendingSampleTest {

    @Test
    void sendingRuns() throws Exception {
        BlockingQueue<String> providerIds = new LinkedBlockingQueue<>(); // what your provider answered
        try (Messaging messaging = Messaging.inMemory()) {
            Actor shop = Actor.user("acme", "downtown", "user-1");
            Actor system = Actor.system("acme", "downtown");
            messaging.conversations().create(shop, NewConversation.forCustomer("customer-42")
                    .withContact(new Contact("person", "Ann", "Lee", null, null, "+15550100", "en")));
            Message now;
            Message later;
            try (DeliveryWorker worker = messaging.deliveries().worker()
                            .sender(DeliveryChannel.SMS, sms -> {
                                // your SMS provider here; give it sms.key() so that a redelivery is not sent twice
                                System.out.println("SMS to " + sms.to() + ": " + sms.text());
                                String providerId = "provider-" + sms.key();
                                providerIds.add(providerId);
                                return SendResult.sent(providerId);
                            })
                            .threads(2)
                            .start();
                    // screens: every change after a sequence, pushed as it commits
                    Subscription screen = messaging.changes().subscribe(shop, 0,
                            change -> System.out.println(change.entityType() + " " + change.operation()))) {
                // sent now; another scheduled for tomorrow, which its author may cancel until it is claimed
                now = messaging.messages().create(shop,
                        NewMessage.to("customer-42", "Your car is ready.").sendSms(true).build());
                later = messaging.messages().create(shop, NewMessage.to("customer-42", "Pick-up reminder")
                        .sendSms(true).sendAt(Instant.now().plus(Duration.ofDays(1))).build());
                messaging.deliveries().cancel(shop, later.id());
                providerIds.poll(10, TimeUnit.SECONDS); // the send happened: the provider has it
            } // close() stops claiming and waits for the sends in flight and their outcomes

            // the provider's status callback (your webhook), by the provider's message id
            Message reported = messaging.deliveries().report(system, "provider-"
                    + messaging.deliveries().of(shop, now.id()).get(0).id(), DeliveryStatus.DELIVERED, null);
            System.out.println(reported.sms().status()); // DELIVERED (its history: SENT, then DELIVERED)
            assertThat(reported.id()).isEqualTo(now.id());
            assertThat(reported.sms().status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(messaging.messages().find(shop, later.id()).orElseThrow().sms().status())
                    .isEqualTo(DeliveryStatus.CANCELED);
            assertThat(providerIds).isEmpty(); // one send: the canceled one never went out
            List<Change> feed = messaging.changes().since(shop, 0, 100);
            assertThat(feed).extracting(c -> c.operation().name()).contains("DELIVERY");
        }
    }
}
