package dev.messaging.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.common.Tenant;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationUpdate;
import dev.messaging.conversation.NewConversation;
import dev.messaging.delivery.Consent;
import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.SendResult;
import dev.messaging.memory.InMemoryStore;
import dev.messaging.message.AuthorType;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.EmailOptions;
import dev.messaging.message.Message;
import dev.messaging.message.MessageFile;
import dev.messaging.message.MessageQuery;
import dev.messaging.message.NewMessage;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Email back into conversations: a reply sent into a real SMTP server (GreenMail), fetched raw and
 * received lands in the conversation it answers, and the answer to it threads under it; an email
 * received twice is added once; auto-replies, bounces and complaints do what they should.
 */
class MailInboxTest {
    private static final Tenant TENANT = new Tenant("co", "loc");
    private static final MailIdentity SHOP = new MailIdentity(new Mailbox("desk@shop.example", "Main St Garage"), null);

    private GreenMail smtp;
    private Messaging messaging;
    private MailSender sender;
    private MailInbox inbox;
    private final Map<String, byte[]> stored = new ConcurrentHashMap<>();
    private final Actor alice = Actor.user("co", "loc", "alice");
    private final Actor system = Actor.system("co", "loc");

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        messaging = Messaging.builder(new InMemoryStore()).build();
        sender = MailSender.builder(SmtpSettings.of("127.0.0.1", smtp.getSmtp().getPort())
                .security(SmtpSettings.Security.NONE), SHOP).build();
        inbox = MailInbox.builder(messaging)
                .customers((tenant, address) -> address.equals("ann@customer.example") ? Optional.of("c1")
                        : Optional.empty())
                .files((tenant, a) -> {
                    stored.put(a.fileName(), a.content());
                    return new MessageFile("file-" + stored.size(), "https://files/" + a.fileName(), null,
                            (long) a.content().length, a.contentType(), a.fileName());
                }).build();
        Conversation c = messaging.conversations().getOrCreate(alice, NewConversation.forCustomer("c1"));
        messaging.conversations().update(alice, c.id(), ConversationUpdate.empty()
                .contact(new Contact("person", "Ann", null, null, "ann@customer.example", null, null)));
    }

    @AfterEach
    void stop() {
        sender.close();
        messaging.close();
        smtp.stop();
    }

    /** Sends {@code m}'s email through the outbox's claim and the mail sender; returns what arrived. */
    private MimeMessage sendThrough(Message m) throws Exception {
        Outgoing o = messaging.deliveries().claim(DeliveryChannel.EMAIL, 10, Duration.ofMinutes(1)).stream()
                .filter(x -> x.message().id().equals(m.id())).findFirst().orElseThrow();
        SendResult result = sender.send(o);
        messaging.deliveries().outcome(o, result);
        for (MimeMessage received : smtp.getReceivedMessages()) {
            if (received.getMessageID().equals("<" + result.providerMessageId() + ">")) {
                return received;
            }
        }
        throw new AssertionError("not received: " + result);
    }

    private static byte[] raw(MimeMessage mail) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        mail.writeTo(out);
        return out.toByteArray();
    }

    private static byte[] raw(String text) {
        return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aReplySentIntoTheServerLandsInItsConversationAndTheAnswerThreadsUnderIt() throws Exception {
        Message ready = messaging.messages().create(alice, NewMessage.to("c1", "Your car is ready").sendEmail(true)
                .emailOptions(EmailOptions.subject("Ready")).build());
        MimeMessage sent = sendThrough(ready);

        // the customer's mail client answers it, into the server
        Properties smtpProps = new Properties();
        smtpProps.put("mail.smtp.host", "127.0.0.1");
        smtpProps.put("mail.smtp.port", Integer.toString(smtp.getSmtp().getPort()));
        MimeMessage reply = new MimeMessage(Session.getInstance(smtpProps));
        reply.setFrom("Ann <ann@customer.example>");
        reply.setRecipients(jakarta.mail.Message.RecipientType.TO, "desk@shop.example");
        reply.setSubject("Re: Ready");
        reply.setHeader("In-Reply-To", sent.getMessageID());
        reply.setHeader("References", sent.getMessageID());
        reply.setText("Thanks, I'll come at 5.\n\nOn Mon, 2 Mar 2026 at 09:00, Main St Garage <desk@shop.example>"
                + " wrote:\n> Your car is ready\n", "UTF-8");
        Transport.send(reply);
        assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();
        MimeMessage arrived = smtp.getReceivedMessagesForDomain("shop.example")[0];

        MailInbox.Received received = inbox.receive(TENANT, raw(arrived));
        assertThat(received.outcome()).isEqualTo(MailInbox.Outcome.ADDED);
        Message answer = received.message().orElseThrow();
        assertThat(answer.conversationId()).isEqualTo(ready.conversationId());
        assertThat(answer.authorType()).isEqualTo(AuthorType.CUSTOMER);
        assertThat(answer.text()).isEqualTo("Thanks, I'll come at 5.");
        assertThat(answer.emailOptions().details().replyToMessageId()).isEqualTo(ready.id());
        assertThat(answer.emailOptions().details().threadId()).isEqualTo(ready.id());
        assertThat(inbox.receive(TENANT, raw(arrived)).message().orElseThrow().id()).as("added once")
                .isEqualTo(answer.id());
        assertThat(messaging.messages().list(alice, ready.conversationId(), MessageQuery.first()).items()).hasSize(2);

        // the shop answers the customer's email: it threads under it in their mail client
        Message back = messaging.messages().create(alice, NewMessage.builder().text("See you at 5").sendEmail(true)
                .emailOptions(new EmailOptions("Re: Ready", null, new dev.messaging.message.EmailDetails(null, null,
                        null, null, null, null, null, null, null, answer.id(), null, null))).build());
        assertThat(back.conversationId()).isEqualTo(ready.conversationId());
        MimeMessage threaded = sendThrough(back);
        assertThat(threaded.getHeader("In-Reply-To")).containsExactly(arrived.getMessageID());
        assertThat(threaded.getHeader("References")).containsExactly(arrived.getMessageID());
    }

    @Test
    void aNewEmailFromAKnownAddressJoinsTheCustomersConversationWithItsAttachments() throws Exception {
        byte[] mail = raw("""
                From: Ann <ann@customer.example>
                To: desk@shop.example
                Subject: Noise
                Message-ID: <new-1@customer.example>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=UTF-8

                My brakes squeak.
                --\s
                Ann
                --b1
                Content-Type: audio/mpeg; name="squeak.mp3"
                Content-Disposition: attachment; filename="squeak.mp3"
                Content-Transfer-Encoding: base64

                AAECAwQ=
                --b1--
                """);
        MailInbox.Received received = inbox.receive(TENANT, mail);
        assertThat(received.outcome()).isEqualTo(MailInbox.Outcome.ADDED);
        Message m = received.message().orElseThrow();
        assertThat(m.conversationId()).isEqualTo(messaging.conversations().getOrCreate(alice,
                NewConversation.forCustomer("c1")).id());
        assertThat(m.text()).isEqualTo("My brakes squeak.");
        assertThat(m.files()).extracting(MessageFile::fileName).containsExactly("squeak.mp3");
        assertThat(stored.get("squeak.mp3")).containsExactly(0, 1, 2, 3, 4);
        assertThat(m.emailOptions().emailId()).isEqualTo("new-1@customer.example");
        assertThat(m.clientMessageId()).isEqualTo("new-1@customer.example");

        byte[] stranger = raw("""
                From: someone@else.example
                To: desk@shop.example
                Subject: Hello
                Message-ID: <s-1@else.example>

                Who are you?
                """);
        assertThat(inbox.receive(TENANT, stranger).outcome()).isEqualTo(MailInbox.Outcome.UNMATCHED);
    }

    @Test
    void anAutoReplyIsNotAdded() throws Exception {
        byte[] away = raw("""
                From: ann@customer.example
                To: desk@shop.example
                Subject: Out of office
                Auto-Submitted: auto-replied
                Message-ID: <away-1@customer.example>

                I am away until Monday.
                """);
        long before = messaging.changes().since(system, 0, 100).size();
        assertThat(inbox.receive(TENANT, away).outcome()).isEqualTo(MailInbox.Outcome.AUTO_REPLY);
        assertThat(messaging.changes().since(system, 0, 100)).hasSize((int) before);
    }

    private static String report(String type, String fields, String originalId) {
        return """
                From: MAILER-DAEMON@mx.customer.example
                To: desk@shop.example
                Subject: Report
                Message-ID: <report-%s@mx.customer.example>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=%s; boundary="r1"

                --r1
                Content-Type: text/plain

                About your email.
                --r1
                Content-Type: message/%s

                %s
                --r1
                Content-Type: text/rfc822-headers

                Message-ID: <%s>
                Subject: Ready
                --r1--
                """.formatted(type, type, type.equals("delivery-status") ? "delivery-status" : "feedback-report",
                fields, originalId);
    }

    @Test
    void aHardBounceReportsTheEmailUndeliveredAndASoftOneRecordsNothing() throws Exception {
        Message ready = messaging.messages().create(alice, NewMessage.to("c1", "ready").sendEmail(true).build());
        MimeMessage sent = sendThrough(ready);
        String id = MailParser.id(sent.getMessageID());

        MailInbox.Received soft = inbox.receive(TENANT, raw(report("delivery-status",
                "Reporting-MTA: dns; mx.customer.example\n\nFinal-Recipient: rfc822; ann@customer.example\n"
                        + "Action: delayed\nStatus: 4.2.2\nDiagnostic-Code: smtp; 452 mailbox full", id)));
        assertThat(soft.outcome()).isEqualTo(MailInbox.Outcome.BOUNCE_IGNORED);
        MailInbox.Received hard = inbox.receive(TENANT, raw(report("delivery-status",
                "Reporting-MTA: dns; mx.customer.example\n\nFinal-Recipient: rfc822; ann@customer.example\n"
                        + "Action: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 no such user", id)));
        assertThat(hard.outcome()).isEqualTo(MailInbox.Outcome.BOUNCED);
        Message after = messaging.messages().find(alice, ready.id()).orElseThrow();
        assertThat(after.email().status()).isEqualTo(DeliveryStatus.UNDELIVERED);
        assertThat(after.email().error()).contains("550 5.1.1 no such user");
    }

    @Test
    void aComplaintUnsubscribesTheCustomerFromEmail() throws Exception {
        Message offer = messaging.messages().create(alice, NewMessage.to("c1", "offer").sendEmail(true).build());
        MimeMessage sent = sendThrough(offer);
        MailInbox.Received complaint = inbox.receive(TENANT, raw(report("feedback-report",
                "Feedback-Type: abuse\nUser-Agent: SomeISP\nVersion: 1", MailParser.id(sent.getMessageID()))));
        assertThat(complaint.outcome()).isEqualTo(MailInbox.Outcome.UNSUBSCRIBED);
        assertThat(messaging.consents().of(alice, "c1")).filteredOn(c -> c.channel() == DeliveryChannel.EMAIL)
                .extracting(Consent::subscribed).containsExactly(false);
        Message next = messaging.messages().create(alice, NewMessage.to("c1", "another").sendEmail(true).build());
        assertThat(next.email().status()).isEqualTo(DeliveryStatus.OPT_OUT);
    }

    @Test
    void hostileMailGetsAClearErrorOrASanitizedMessage() throws Exception {
        StringBuilder nested = new StringBuilder("From: ann@customer.example\r\nMIME-Version: 1.0\r\n");
        for (int i = 0; i < 100; i++) {
            nested.append("Content-Type: multipart/mixed; boundary=\"n").append(i).append("\"\r\n\r\n--n").append(i)
                    .append("\r\n");
        }
        nested.append("Content-Type: text/plain\r\n\r\ndeep\r\n");
        assertThat(catchMalformed(nested.toString().getBytes(StandardCharsets.US_ASCII))).contains("deeper than 10");

        String big = "A".repeat(20 * 1024 * 1024);
        byte[] huge = ("From: ann@customer.example\r\nSubject: big\r\n\r\n" + big).getBytes(StandardCharsets.US_ASCII);
        assertThat(catchMalformed(huge)).contains("larger than");

        byte[] broken = raw("""
                From: "Ann\u0000 Lee" <ann@customer.example>
                To: desk@shop.example
                Subject: =?UTF-8?Q?Hi=0D=0ABcc:_evil@example.com?=
                Message-ID: <broken-1@customer.example>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=x-no-such-charset
                Content-Transfer-Encoding: base64

                SGVsbG8gd2l0aCBh!!!bm9pc2U=
                """);
        MailInbox.Received received = inbox.receive(TENANT, broken);
        assertThat(received.outcome()).isEqualTo(MailInbox.Outcome.ADDED);
        assertThat(received.mail().subject()).doesNotContain("\r").doesNotContain("\n");
        assertThat(received.message().orElseThrow().text()).isNotBlank().doesNotContain("\u0000");
    }

    private String catchMalformed(byte[] mail) {
        try {
            inbox.receive(TENANT, mail);
        } catch (MalformedMailException e) {
            return e.getMessage();
        } catch (Exception e) {
            throw new AssertionError("not a MalformedMailException: " + e, e);
        }
        throw new AssertionError("accepted");
    }
}
