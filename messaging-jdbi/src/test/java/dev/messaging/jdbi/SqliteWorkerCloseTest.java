package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.NewConversation;
import dev.messaging.delivery.SendResult;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.NewMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Closing a messaging whose delivery worker is still sending (the service forgot the worker, or
 * closes in the wrong order): the worker is closed first, so every send a provider accepted has its
 * outcome recorded, and none is left to be sent again after its lease.
 */
class SqliteWorkerCloseTest {
    @Test
    void closingTheMessagingUnderLoadRecordsEveryAcceptedSend() throws Exception {
        Path file = TestDatabases.newSqliteFile();
        Actor alice = Actor.user("co", "loc", "alice");
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        List<String> ids = new ArrayList<>();
        Messaging messaging = JdbiMessaging.sqlite(file);
        try {
            messaging.conversations().create(alice, NewConversation.forCustomer("c1")
                    .withContact(new Contact("person", null, null, null, null, "+15550100", null)));
            for (int i = 0; i < 60; i++) {
                ids.add(messaging.messages().create(alice, NewMessage.to("c1", "message " + i).sendSms(true).build())
                        .id());
            }
            messaging.deliveries().worker().sender(DeliveryChannel.SMS, o -> {
                Thread.sleep(20); // a provider's round trip
                accepted.add(o.message().id());
                return SendResult.sent("p-" + o.key());
            }).threads(2).batch(10).start(); // never closed by the test: closing the messaging must
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (accepted.size() < 10 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
        } finally {
            messaging.close();
        }
        assertThat(accepted).hasSizeGreaterThanOrEqualTo(10);
        try (Messaging reopened = JdbiMessaging.sqlite(file)) {
            for (String id : ids) {
                DeliveryStatus status = reopened.deliveries().of(alice, id).get(0).status();
                assertThat(status).as(id).isEqualTo(accepted.contains(id) ? DeliveryStatus.SENT : DeliveryStatus.PENDING);
            }
            // nothing is held by a lease of the closed worker but what it never handed over
            assertThat(reopened.deliveries().claim(DeliveryChannel.SMS, 100, Duration.ofMinutes(1)))
                    .extracting(o -> o.message().id()).doesNotContainAnyElementsOf(accepted);
        }
    }
}
