package dev.messaging.mail.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.common.Tenant;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.NewConversation;
import dev.messaging.mail.InboundAttachment;
import dev.messaging.mail.MailIdentity;
import dev.messaging.mail.MailInbox;
import dev.messaging.mail.MailSender;
import dev.messaging.mail.Mailbox;
import dev.messaging.mail.SmtpSettings;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.EmailOptions;
import dev.messaging.message.MessageFile;
import dev.messaging.message.NewMessage;
import dev.messaging.outbox.DeliveryWorker;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sample of docs/guide/email.md, run against a real SMTP server (GreenMail). */
class EmailSampleTest {

    /** The service's own contacts. */
    static final class Contacts {
        Optional<String> customerByEmail(Tenant tenant, String address) {
            return address.equals("ann@customer.example") ? Optional.of("cust-1") : Optional.empty();
        }
    }

    /** The service's own file store. */
    static final class Files {
        MessageFile store(Tenant tenant, InboundAttachment attachment) {
            return new MessageFile("f-1", "https://files.example/" + attachment.fileName(), null,
                    (long) attachment.content().length, attachment.contentType(), attachment.fileName());
        }
    }

    @Test
    void sendAndReceive() throws Exception {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        SmtpSettings smtp = SmtpSettings.of("127.0.0.1", server.getSmtp().getPort())
                .security(SmtpSettings.Security.NONE).connections(4);
        Contacts contacts = new Contacts();
        Files files = new Files();
        Tenant tenant = new Tenant("co", "loc");
        Actor staff = Actor.user("co", "loc", "alice");
        try (Messaging messaging = Messaging.inMemory()) {
            messaging.conversations().create(staff, NewConversation.forCustomer("cust-1")
                    .withContact(new Contact("person", "Ann", null, null, "ann@customer.example", null, null)));

            MailSender mail = MailSender.builder(smtp, MailIdentity.of(new Mailbox("desk@shop.example", "Main St Garage")))
                    .build();
            DeliveryWorker worker = messaging.deliveries().worker()
                    .sender(DeliveryChannel.EMAIL, mail).threads(4).start();

            messaging.messages().create(staff, NewMessage.to("cust-1", "Your car is ready").sendEmail(true)
                    .emailOptions(EmailOptions.subject("Ready for pick-up")).build());

            MailInbox inbox = MailInbox.builder(messaging)
                    .customers((t, address) -> contacts.customerByEmail(t, address))
                    .files((t, attachment) -> files.store(t, attachment))
                    .build();
            assertThat(server.waitForIncomingEmail(10_000, 1)).isTrue();
            MimeMessage sent = server.getReceivedMessages()[0];
            byte[] rawEmail = ("From: Ann <ann@customer.example>\r\nTo: desk@shop.example\r\nSubject: Re: Ready\r\n"
                    + "In-Reply-To: " + sent.getMessageID() + "\r\nMessage-ID: <r1@customer.example>\r\n\r\n"
                    + "Thanks!\r\n").getBytes(StandardCharsets.UTF_8);
            // in the inbound webhook (SendGrid Inbound Parse "raw", a Mailgun route's MIME, an IMAP fetch):
            MailInbox.Received received = inbox.receive(tenant, rawEmail);

            assertThat(received.outcome()).isEqualTo(MailInbox.Outcome.ADDED);
            assertThat(received.message().orElseThrow().text()).isEqualTo("Thanks!");
            worker.close();
            mail.close();
        } finally {
            server.stop();
        }
    }
}
