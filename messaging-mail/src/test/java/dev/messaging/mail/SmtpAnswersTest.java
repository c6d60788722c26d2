package dev.messaging.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationUpdate;
import dev.messaging.conversation.NewConversation;
import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.SendResult;
import dev.messaging.memory.InMemoryStore;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.EmailOptions;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.testing.SettableClock;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an SMTP server answers becomes the outcome: a server scripted over TCP refuses recipients
 * and messages with 4xx and 5xx codes and drops the connection in the middle of the data.
 */
class SmtpAnswersTest {
    private static final MailIdentity SHOP = MailIdentity.of(Mailbox.of("desk@shop.example"));
    private final Actor alice = Actor.user("co", "loc", "alice");
    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T09:00:00Z"));
    private Messaging messaging;

    @BeforeEach
    void open() {
        messaging = Messaging.builder(new InMemoryStore()).clock(clock).build();
        Conversation c = messaging.conversations().getOrCreate(alice, NewConversation.forCustomer("c1"));
        messaging.conversations().update(alice, c.id(), ConversationUpdate.empty()
                .contact(new Contact("person", null, null, null, "ann@customer.example", null, null)));
    }

    @AfterEach
    void close() {
        messaging.close();
    }

    private Outgoing email(List<String> cc) {
        Message m = messaging.messages().create(alice, NewMessage.to("c1", "ready").sendEmail(true)
                .emailOptions(new EmailOptions("Ready", null, cc.isEmpty() ? null : new EmailDetails(null, null, null,
                        null, null, null, null, cc, null, null, null, null))).build());
        return messaging.deliveries().claim(DeliveryChannel.EMAIL, 10, Duration.ofMinutes(1)).stream()
                .filter(o -> o.message().id().equals(m.id())).findFirst().orElseThrow();
    }

    private static MailSender sender(ScriptedSmtpServer server) {
        return MailSender.builder(SmtpSettings.of("127.0.0.1", server.port()).security(SmtpSettings.Security.NONE)
                .timeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)), SHOP).build();
    }

    @Test
    void aRefusedRecipientFailsOrWaitsByItsCodeAndOneRefusedAmongSeveralDoesNotStopTheOthers() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(address -> address.contains("ann")
                ? "550 5.1.1 <ann@customer.example>: no such user" : address.contains("busy")
                ? "450 4.2.1 mailbox busy" : "250 OK", n -> ScriptedSmtpServer.Data.ACCEPT);
                MailSender sender = sender(server)) {
            SendResult refused = sender.send(email(List.of()));
            assertThat(refused.kind()).isEqualTo(SendResult.Kind.FAILED);
            assertThat(refused.reason()).startsWith("SMTP 550").contains("no such user");
            assertThat(sender.send(email(List.of("boss@customer.example"))).kind()).as("the cc took it")
                    .isEqualTo(SendResult.Kind.SENT);
            assertThat(server.accepted()).hasSize(1);
        }
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(address -> "450 4.2.1 mailbox busy",
                n -> ScriptedSmtpServer.Data.ACCEPT); MailSender sender = sender(server)) {
            SendResult busy = sender.send(email(List.of()));
            assertThat(busy.kind()).isEqualTo(SendResult.Kind.RETRY_LATER);
            assertThat(busy.reason()).startsWith("SMTP 450");
        }
    }

    @Test
    void aRefusedMessageFailsFor5xxAndWaitsFor4xx() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(address -> "250 OK",
                n -> n == 1 ? ScriptedSmtpServer.Data.REFUSE_PERMANENTLY : ScriptedSmtpServer.Data.REFUSE_FOR_NOW);
                MailSender sender = sender(server)) {
            SendResult refused = sender.send(email(List.of()));
            assertThat(refused.kind()).isEqualTo(SendResult.Kind.FAILED);
            assertThat(refused.reason()).startsWith("SMTP 554");
            SendResult later = sender.send(email(List.of()));
            assertThat(later.reason()).startsWith("SMTP 451");
            assertThat(later.kind()).isEqualTo(SendResult.Kind.RETRY_LATER);
        }
    }

    @Test
    void aConnectionDroppedInTheDataIsRetriedAndTheMessageArrivesOnceWithTheSameMessageId() throws Exception {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer(address -> "250 OK",
                n -> n == 1 ? ScriptedSmtpServer.Data.DROP_MIDWAY : ScriptedSmtpServer.Data.ACCEPT);
                MailSender sender = sender(server)) {
            Outgoing first = email(List.of());
            SendResult dropped = sender.send(first);
            assertThat(dropped.kind()).isEqualTo(SendResult.Kind.RETRY_LATER);
            messaging.deliveries().outcome(first, dropped);
            clock.advance(Duration.ofHours(1));
            Outgoing again = messaging.deliveries().claim(DeliveryChannel.EMAIL, 10, Duration.ofMinutes(1)).get(0);
            assertThat(again.key()).isEqualTo(first.key());
            SendResult sent = sender.send(again);
            assertThat(sent.kind()).isEqualTo(SendResult.Kind.SENT);
            messaging.deliveries().outcome(again, sent);
            assertThat(server.accepted()).hasSize(1);
            assertThat(server.accepted().get(0)).contains("Message-ID: <" + first.key() + "@shop.example>");
            assertThat(messaging.messages().find(alice, first.message().id()).orElseThrow().email().status())
                    .isEqualTo(DeliveryStatus.SENT);
        }
    }

    @Test
    void aServerThatIsNotThereIsARetryLater() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        try (MailSender sender = MailSender.builder(SmtpSettings.of("127.0.0.1", port)
                .security(SmtpSettings.Security.NONE), SHOP).build()) {
            SendResult result = sender.send(email(List.of()));
            assertThat(result.kind()).isEqualTo(SendResult.Kind.RETRY_LATER);
            assertThat(result.reason()).startsWith("cannot connect");
        }
    }
}
