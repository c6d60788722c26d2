package dev.messaging.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
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
import dev.messaging.message.EmailDetails;
import dev.messaging.message.EmailOptions;
import dev.messaging.message.Message;
import dev.messaging.message.MessageFile;
import dev.messaging.message.MessageLinks;
import dev.messaging.message.NewMessage;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Sends through a real SMTP server (GreenMail, started here) and reads what it received. */
class MailSenderTest {
    private static final MailIdentity SHOP = new MailIdentity(new Mailbox("desk@shop.example", "Main St Garage"),
            Mailbox.of("replies@shop.example"));

    private GreenMail smtp;
    private Messaging messaging;
    private final Actor alice = Actor.user("co", "loc", "alice");

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        messaging = Messaging.builder(new InMemoryStore()).build();
    }

    @AfterEach
    void stop() {
        messaging.close();
        smtp.stop();
    }

    private SmtpSettings settings() {
        return SmtpSettings.of("127.0.0.1", smtp.getSmtp().getPort()).security(SmtpSettings.Security.NONE);
    }

    private Conversation customer(String id) {
        Conversation c = messaging.conversations().getOrCreate(alice, NewConversation.forCustomer(id));
        return messaging.conversations().update(alice, c.id(), ConversationUpdate.empty()
                .contact(new Contact("person", "Ann", "Lee", null, id + "@customer.example", null, null)));
    }

    private final Map<String, Outgoing> claimed = new java.util.HashMap<>();

    /** The claimed send of {@code messageId} (a claim takes every due one: the others are kept for later). */
    private Outgoing claim(String messageId) {
        messaging.deliveries().claim(DeliveryChannel.EMAIL, 100, Duration.ofMinutes(1))
                .forEach(o -> claimed.put(o.message().id(), o));
        return java.util.Objects.requireNonNull(claimed.remove(messageId), messageId);
    }

    @Test
    void aMessageGoesOutAsMimeWithItsAddressesHtmlFilesAndAMessageIdFromItsKey() throws Exception {
        customer("c1");
        EmailDetails details = new EmailDetails(null, null, null, null, null, null, null,
                List.of("boss@customer.example"), List.of("audit@shop.example"), null, null, null,
                "<p>Your car is <b>ready</b></p>", null);
        Message m = messaging.messages().create(alice, NewMessage.to("c1", "Your car is ready")
                .sendEmail(true).emailOptions(new EmailOptions("Ready\r\nBcc: evil@example.com", null, details))
                .files(List.of(new MessageFile("f1", "https://files/f1", null, 5L, "application/pdf", "invoice.pdf")))
                .build());
        Map<String, byte[]> files = Map.of("f1", "%PDF-".getBytes(StandardCharsets.US_ASCII));
        try (MailSender sender = MailSender.builder(settings(), SHOP)
                .attachments((tenant, file) -> new ByteArrayInputStream(files.get(file.id())), 1024, 4096).build()) {
            Outgoing o = claim(m.id());
            SendResult result = sender.send(o);
            assertThat(result.kind()).as(String.valueOf(result.reason())).isEqualTo(SendResult.Kind.SENT);
            assertThat(result.providerMessageId()).isEqualTo(o.key() + "@shop.example");
            messaging.deliveries().outcome(o, result);
        }
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).as("one copy per recipient (to, cc, bcc), none for a header in the subject").hasSize(3);
        MimeMessage mail = received[0];
        assertThat(mail.getMessageID()).isEqualTo("<" + messaging.deliveries().of(alice, m.id()).get(0).id()
                + "@shop.example>");
        assertThat(((InternetAddress) mail.getFrom()[0]).getPersonal()).isEqualTo("Main St Garage");
        assertThat(mail.getReplyTo()[0].toString()).isEqualTo("replies@shop.example");
        assertThat(mail.getRecipients(jakarta.mail.Message.RecipientType.TO)).extracting(Object::toString)
                .containsExactly("c1@customer.example");
        assertThat(mail.getRecipients(jakarta.mail.Message.RecipientType.CC)).extracting(Object::toString)
                .containsExactly("boss@customer.example");
        assertThat(mail.getHeader("Bcc")).as("a line break in the subject starts no header").isNull();
        assertThat(mail.getSubject()).isEqualTo("Ready  Bcc: evil@example.com");
        Multipart mixed = (Multipart) mail.getContent();
        assertThat(mixed.getContentType()).startsWith("multipart/mixed");
        Multipart alternative = (Multipart) mixed.getBodyPart(0).getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).getContent().toString().strip()).isEqualTo("Your car is ready");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        Part file = mixed.getBodyPart(1);
        assertThat(file.getFileName()).isEqualTo("invoice.pdf");
        assertThat(file.getInputStream().readAllBytes()).isEqualTo("%PDF-".getBytes(StandardCharsets.US_ASCII));
        assertThat(messaging.deliveries().findByProviderId(alice, messaging.deliveries().of(alice, m.id()).get(0)
                .id() + "@shop.example")).isPresent();
    }

    @Test
    void aThousandSendsThroughFourWorkerThreadsArriveOnceEach() throws Exception {
        int customers = 50;
        int each = 20;
        for (int c = 0; c < customers; c++) {
            customer("c" + c);
        }
        for (int i = 0; i < each; i++) {
            for (int c = 0; c < customers; c++) {
                messaging.messages().create(alice, NewMessage.to("c" + c, "message " + i).sendEmail(true)
                        .emailOptions(EmailOptions.subject("Update " + i)).build());
            }
        }
        try (MailSender sender = MailSender.builder(settings().connections(4), SHOP).build();
                var worker = messaging.deliveries().worker().sender(DeliveryChannel.EMAIL, sender).threads(4)
                        .batch(25).start()) {
            assertThat(smtp.waitForIncomingEmail(60_000, customers * each)).isTrue();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (worker.sent() < customers * each && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(worker.sent()).isEqualTo(customers * each);
        }
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(customers * each);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (MimeMessage mail : received) {
            ids.add(mail.getMessageID());
        }
        assertThat(ids).as("each delivery once").hasSize(customers * each);
    }

    @Test
    void aMarketingMessageCarriesAOneClickUnsubscribeAndAPlainOneOnlyItsText() throws Exception {
        customer("c1");
        Message offer = messaging.messages().create(alice, NewMessage.to("c1", "20% off tyres").sendEmail(true)
                .emailOptions(EmailOptions.subject("Offer")).links(MessageLinks.NONE.withCampaigns("spring", null))
                .build());
        Message plain = messaging.messages().create(alice, NewMessage.to("c1", "ready").sendEmail(true).build());
        try (MailSender sender = MailSender.builder(settings(), SHOP)
                .unsubscribe(o -> URI.create("https://shop.example/unsubscribe?c=" + o.message().customerId())).build()) {
            assertThat(sender.send(claim(offer.id())).kind()).isEqualTo(SendResult.Kind.SENT);
            assertThat(sender.send(claim(plain.id())).kind()).isEqualTo(SendResult.Kind.SENT);
        }
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received[0].getHeader("List-Unsubscribe")).containsExactly("<https://shop.example/unsubscribe?c=c1>");
        assertThat(received[0].getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
        assertThat(received[0].getContentType()).startsWith("text/plain");
        assertThat(received[1].getHeader("List-Unsubscribe")).as("not marketing").isNull();
    }

    @Test
    void whatCannotBeRenderedFailsAndAnUnreadableFileIsRetried() {
        customer("c1");
        Message badCc = messaging.messages().create(alice, NewMessage.to("c1", "hi").sendEmail(true)
                .emailOptions(new EmailOptions("s", null, new EmailDetails(null, null, null, null, null, null, null,
                        List.of("not an address"), null, null, null, null))).build());
        Message big = messaging.messages().create(alice, NewMessage.to("c1", "file").sendEmail(true)
                .files(List.of(new MessageFile("big", "https://files/big", null, null, null, "big.bin"))).build());
        Message gone = messaging.messages().create(alice, NewMessage.to("c1", "file").sendEmail(true)
                .files(List.of(new MessageFile("gone", "https://files/gone", null, null, null, "gone.bin"))).build());
        try (MailSender sender = MailSender.builder(settings(), SHOP).attachments((tenant, file) -> {
            if (file.id().equals("gone")) {
                throw new java.io.FileNotFoundException("gone");
            }
            return new ByteArrayInputStream(new byte[2048]);
        }, 1024, 4096).build()) {
            SendResult cc = sender.send(claim(badCc.id()));
            assertThat(cc.kind()).isEqualTo(SendResult.Kind.FAILED);
            assertThat(cc.reason()).contains("emailDetails.cc[0]");
            SendResult tooBig = sender.send(claim(big.id()));
            assertThat(tooBig.kind()).isEqualTo(SendResult.Kind.FAILED);
            assertThat(tooBig.reason()).contains("larger than 1024 bytes");
            assertThat(sender.send(claim(gone.id())).kind()).isEqualTo(SendResult.Kind.RETRY_LATER);
        }
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
