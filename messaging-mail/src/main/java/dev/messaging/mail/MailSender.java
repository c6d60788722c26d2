package dev.messaging.mail;

import dev.messaging.common.Tenant;
import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.SendResult;
import dev.messaging.delivery.Sender;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.URI;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Function;

/**
 * The {@link Sender} of the EMAIL channel over SMTP: renders each delivery as MIME (see the
 * builder's settings) and hands it to the server on a reused connection. The provider id of what it
 * sent is its Message-ID ({@code <key>@<domain>}, from the delivery key: a redelivery carries the
 * same one), which a bounce, a reply and a provider's callback name. The server's answer decides
 * the outcome: accepted (2xx) is Sent; a 4xx answer, a lost connection or a timeout is a retry
 * later; a 5xx answer is Failed with the SMTP code in the reason; when some recipients are refused
 * and others take it, it is Sent. A message that cannot be rendered (a malformed address, a file
 * over the limit) is Failed; a file that cannot be read is a retry later. Jakarta Mail's
 * exceptions never reach the worker. Thread-safe: each sending thread takes a connection of its
 * own; close it with the worker.
 */
public final class MailSender implements Sender, AutoCloseable {
    private final MimeRenderer renderer;
    private final TransportPool pool;

    private MailSender(Builder b) {
        Session session = Session.getInstance(properties(b.smtp));
        this.renderer = new MimeRenderer(session, b.identities, b.domain, b.attachments, b.maxAttachmentBytes,
                b.maxTotalBytes, b.unsubscribe);
        this.pool = new TransportPool(session, b.smtp);
    }

    /** A sender through {@code smtp}, mail from {@code identity} unless {@link Builder#identities} says otherwise per location. */
    public static Builder builder(SmtpSettings smtp, MailIdentity identity) {
        return new Builder(smtp, identity);
    }

    @Override
    public SendResult send(Outgoing outgoing) {
        MimeMessage mime;
        try {
            mime = renderer.render(outgoing);
        } catch (MimeRenderer.Unsendable e) {
            return SendResult.failed(e.getMessage());
        } catch (IOException e) {
            return SendResult.retryLater("an attachment could not be read: " + e);
        } catch (MessagingException e) {
            return SendResult.retryLater("the message could not be rendered: " + e.getMessage());
        }
        return deliver(mime, renderer.providerId(outgoing));
    }

    private SendResult deliver(MimeMessage mime, String providerId) {
        Transport transport;
        try {
            transport = pool.borrow();
        } catch (MessagingException e) {
            return SendResult.retryLater("cannot connect to the SMTP server: " + SmtpAnswers.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retryLater("interrupted while waiting for an SMTP connection");
        }
        try {
            transport.sendMessage(mime, mime.getAllRecipients());
            pool.release(transport);
            return SendResult.sent(providerId);
        } catch (SendFailedException e) {
            // the server refused the sender, a recipient or the message; the connection is still in step
            pool.release(transport);
            Address[] sent = e.getValidSentAddresses();
            return sent != null && sent.length > 0 ? SendResult.sent(providerId) : SmtpAnswers.outcome(e);
        } catch (MessagingException | RuntimeException e) {
            pool.discard(transport);
            return SmtpAnswers.outcome(e);
        }
    }

    /** Closes the open connections; a send after it fails. */
    @Override
    public void close() {
        pool.close();
    }

    private static Properties properties(SmtpSettings smtp) {
        Properties p = new Properties();
        String protocol = smtp.security() == SmtpSettings.Security.TLS ? "smtps" : "smtp";
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", smtp.host());
        p.put("mail." + protocol + ".port", Integer.toString(smtp.port()));
        p.put("mail." + protocol + ".connectiontimeout", Long.toString(smtp.connectTimeout().toMillis()));
        p.put("mail." + protocol + ".timeout", Long.toString(smtp.readTimeout().toMillis()));
        p.put("mail." + protocol + ".writetimeout", Long.toString(smtp.readTimeout().toMillis()));
        p.put("mail." + protocol + ".auth", Boolean.toString(smtp.username() != null));
        // deliver to the recipients the server takes when it refuses some (each refused one is reported)
        p.put("mail." + protocol + ".sendpartial", "true");
        if (smtp.security() == SmtpSettings.Security.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (smtp.security() != SmtpSettings.Security.NONE) {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        return p;
    }

    /** Configures a {@link MailSender}. */
    public static final class Builder {
        private final SmtpSettings smtp;
        private Function<Tenant, MailIdentity> identities;
        private String domain;
        private AttachmentSource attachments;
        private long maxAttachmentBytes = 10L * 1024 * 1024;
        private long maxTotalBytes = 25L * 1024 * 1024;
        private Function<Outgoing, URI> unsubscribe;

        private Builder(SmtpSettings smtp, MailIdentity identity) {
            this.smtp = Objects.requireNonNull(smtp, "smtp");
            Objects.requireNonNull(identity, "identity");
            check(identity);
            this.identities = tenant -> identity;
            this.domain = MimeRenderer.domainOf(identity.from().address());
        }

        /**
         * Each location's identity ({@code null} from the function: the default one). Called per
         * send: cache it if it reads a database.
         */
        public Builder identities(Function<Tenant, MailIdentity> value) {
            Function<Tenant, MailIdentity> fallback = identities;
            Objects.requireNonNull(value, "identities");
            this.identities = tenant -> {
                MailIdentity own = value.apply(tenant);
                return own != null ? own : fallback.apply(tenant);
            };
            return this;
        }

        /** The domain of the Message-IDs written (default: the default From address's domain). */
        public Builder messageIdDomain(String value) {
            this.domain = Objects.requireNonNull(value, "messageIdDomain");
            return this;
        }

        /**
         * Where message files are read from, and the most bytes one file (default 10 MiB) and all of
         * a message's files (default 25 MiB) may have; a message with files and no source fails.
         */
        public Builder attachments(AttachmentSource source, long maxBytesEach, long maxBytesTogether) {
            this.attachments = Objects.requireNonNull(source, "source");
            this.maxAttachmentBytes = maxBytesEach;
            this.maxTotalBytes = maxBytesTogether;
            return this;
        }

        /**
         * The unsubscribe link of a marketing message ({@code List-Unsubscribe}; an https link also
         * gets {@code List-Unsubscribe-Post: List-Unsubscribe=One-Click}, RFC 8058); null from the
         * function: none.
         */
        public Builder unsubscribe(Function<Outgoing, URI> value) {
            this.unsubscribe = value;
            return this;
        }

        /** The sender; it connects on its first send. */
        public MailSender build() {
            return new MailSender(this);
        }

        private static void check(MailIdentity identity) {
            for (Mailbox box : new Mailbox[] {identity.from(), identity.replyTo()}) {
                if (box == null) {
                    continue;
                }
                try {
                    new InternetAddress(box.address(), true);
                } catch (AddressException e) {
                    throw new IllegalArgumentException("not an email address: " + box.address(), e);
                }
            }
        }
    }
}
