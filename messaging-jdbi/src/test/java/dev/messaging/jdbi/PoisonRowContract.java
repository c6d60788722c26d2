package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.common.Tenant;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.ConversationQuery;
import dev.messaging.conversation.ConversationUpdate;
import dev.messaging.conversation.NewConversation;
import dev.messaging.delivery.Outgoing;
import dev.messaging.error.UnreadableRowException;
import dev.messaging.inbox.InboxEntry;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.spi.Store;
import dev.messaging.testing.SettableClock;
import dev.messaging.verify.Mismatch;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * A row written behind the library that cannot be read back (an old bug, a hand edit, a newer
 * schema) fails only what touches it: reads of it name it, pages show the rest, verify lists it,
 * and the outbox fails its send and goes on with the rest of the tenant and with every other tenant.
 */
abstract class PoisonRowContract {
    /** A number of 1,500 digits: JSON readers refuse it (Jackson reads at most 1,000). */
    private static final String HUGE = "1".repeat(1_500);

    /** A new store over the same database each call. */
    abstract Store open();

    /** The database, for the writes behind the library. */
    abstract Jdbi raw();

    @Test
    void aRowThatCannotBeReadFailsOnlyWhatTouchesIt() {
        SettableClock clock = new SettableClock(Instant.parse("2026-01-05T09:00:00Z"));
        String company = "co-" + UUID.randomUUID();
        Actor alice = Actor.user(company, "loc-1", "alice");
        Actor bob = Actor.user("other-" + UUID.randomUUID(), "loc-1", "bob");
        Map<String, Message> sends = new LinkedHashMap<>();
        try (Messaging m = Messaging.builder(open()).clock(clock).build()) {
            for (String customer : List.of("c1", "c2", "c3")) {
                sends.put(customer, send(m, clock, alice, customer));
            }
            sends.put("d1", send(m, clock, bob, "d1"));
        }
        String badMessage = sends.get("c1").id();
        String badConversation = sends.get("c2").conversationId();
        raw().useHandle(h -> {
            h.createUpdate("UPDATE message SET details = :d WHERE id = :id")
                    .bind("d", "{\"md\":{\"n\":" + HUGE + "}}").bind("id", badMessage).execute();
            h.createUpdate("UPDATE conversation SET metadata = :d WHERE id = :id")
                    .bind("d", "{\"n\":" + HUGE + "}").bind("id", badConversation).execute();
        });

        try (Messaging m = Messaging.builder(open()).clock(clock).build()) {
            assertThatThrownBy(() -> m.messages().find(alice, badMessage)).isInstanceOfSatisfying(
                    UnreadableRowException.class, e -> assertThat(List.of(e.entity(), e.id()))
                            .containsExactly("message", badMessage));
            assertThatThrownBy(() -> m.conversations().find(alice, badConversation)).isInstanceOfSatisfying(
                    UnreadableRowException.class, e -> assertThat(List.of(e.entity(), e.id()))
                            .containsExactly("conversation", badConversation));

            // the inbox and search show every conversation, the parts that cannot be read left out
            List<InboxEntry> inbox = m.inbox().list(alice, InboxQuery.all()).items();
            assertThat(inbox).extracting(e -> e.conversation().customerId()).containsExactlyInAnyOrder("c1", "c2", "c3");
            InboxEntry c1 = inbox.stream().filter(e -> e.conversation().customerId().equals("c1")).findFirst().orElseThrow();
            assertThat(c1.message()).isNull();
            InboxEntry c3 = inbox.stream().filter(e -> e.conversation().customerId().equals("c3")).findFirst().orElseThrow();
            assertThat(c3.message().id()).isEqualTo(sends.get("c3").id());
            assertThat(m.conversations().search(alice, ConversationQuery.all()).items()).hasSize(3);

            // verify names both rows and nothing else
            assertThat(m.verify(new Tenant(company, "loc-1")).mismatches()).extracting(Mismatch::entity, Mismatch::id)
                    .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("message", badMessage),
                            org.assertj.core.groups.Tuple.tuple("conversation", badConversation));
            assertThat(m.verify(bob.tenant()).mismatches()).isEmpty();

            // the outbox: the two sends that touch a bad row end as Error naming it; the others go out
            List<Outgoing> claimed = m.deliveries().claim(DeliveryChannel.SMS, 100, Duration.ofMinutes(1));
            assertThat(claimed).extracting(o -> o.message().id())
                    .contains(sends.get("c3").id(), sends.get("d1").id())
                    .doesNotContain(badMessage, sends.get("c2").id());
            assertThat(statusOf(badMessage)).startsWith("Error|not sent: message " + badMessage + " cannot be read back");
            assertThat(statusOf(sends.get("c2").id()))
                    .startsWith("Error|not sent: conversation " + badConversation + " cannot be read back");
            assertThat(m.deliveries().claim(DeliveryChannel.SMS, 100, Duration.ofMinutes(1))).isEmpty();
        }
    }

    private static Message send(Messaging m, SettableClock clock, Actor user, String customer) {
        var c = m.conversations().getOrCreate(user, NewConversation.forCustomer(customer));
        m.conversations().update(user, c.id(), ConversationUpdate.empty().metadata(Map.of("n", 1))
                .contact(new Contact("person", null, null, null, null, "+15550100", null)));
        clock.advance(Duration.ofSeconds(1));
        return m.messages().create(user, NewMessage.to(customer, "your car is ready").sendSms(true)
                .metadata(Map.of("n", 2)).build());
    }

    /** The status and last error of the SMS send of {@code messageId}, as stored. */
    private String statusOf(String messageId) {
        return raw().withHandle(h -> h.createQuery("SELECT status || '|' || last_error FROM delivery"
                + " WHERE message_id = :id AND purpose = :purpose").bind("id", messageId).bind("purpose", "MESSAGE")
                .mapTo(String.class).one());
    }
}
