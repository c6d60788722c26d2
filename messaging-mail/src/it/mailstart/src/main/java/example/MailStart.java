package example;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.NewConversation;
import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.SendResult;
import dev.messaging.mail.InboundMail;
import dev.messaging.mail.MailIdentity;
import dev.messaging.mail.MailLimits;
import dev.messaging.mail.MailParser;
import dev.messaging.mail.MailSender;
import dev.messaging.mail.Mailbox;
import dev.messaging.mail.SmtpSettings;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.EmailOptions;
import dev.messaging.message.NewMessage;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * messaging-mail on the module path: a received multipart email parsed, and an email with HTML
 * rendered (Jakarta Mail, Angus and Activation found as modules) and handed to a server that is
 * not there, which is a retry later and not a rendering failure. Exits non-zero on any surprise.
 */
public final class MailStart {
    private MailStart() {
    }

    public static void main(String[] args) throws Exception {
        byte[] raw = ("From: Ann <ann@customer.example>\r\nSubject: Hi\r\nMessage-ID: <m1@customer.example>\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: multipart/alternative; boundary=b\r\n\r\n--b\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\nThanks!\r\n--b\r\nContent-Type: text/html\r\n\r\n"
                + "<p>Thanks!</p>\r\n--b--\r\n").getBytes(StandardCharsets.UTF_8);
        InboundMail mail = new MailParser(MailLimits.DEFAULT).parse(raw);
        check("Thanks!".equals(mail.reply()) && "<p>Thanks!</p>".equals(mail.html().strip()), "parsed: " + mail);

        int port;
        try (ServerSocket closed = new ServerSocket(0)) {
            port = closed.getLocalPort();
        }
        Actor staff = Actor.user("co", "loc", "alice");
        try (Messaging messaging = Messaging.inMemory();
                MailSender sender = MailSender.builder(SmtpSettings.of("127.0.0.1", port)
                        .security(SmtpSettings.Security.NONE).timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2)),
                        MailIdentity.of(new Mailbox("desk@shop.example", "Main St Garage"))).build()) {
            messaging.conversations().create(staff, NewConversation.forCustomer("c1")
                    .withContact(new Contact("person", "Ann", null, null, "ann@customer.example", null, null)));
            messaging.messages().create(staff, NewMessage.to("c1", "Ready").sendEmail(true)
                    .emailOptions(new EmailOptions("Ready", null, new EmailDetails(null, null, null, null, null, null,
                            null, List.of("boss@customer.example"), null, null, null, null, "<p>Ready</p>", null)))
                    .build());
            Outgoing o = messaging.deliveries().claim(DeliveryChannel.EMAIL, 10, Duration.ofMinutes(1)).get(0);
            SendResult result = sender.send(o);
            check(result.kind() == SendResult.Kind.RETRY_LATER && result.reason().startsWith("cannot connect"),
                    "rendered, then no server: " + result);
        }
        System.out.println("messaging-mail on the module path: OK");
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            System.err.println("unexpected: " + what);
            System.exit(1);
        }
    }
}
