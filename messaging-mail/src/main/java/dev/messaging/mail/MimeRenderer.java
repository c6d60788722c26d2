package dev.messaging.mail;

import dev.messaging.common.Tenant;
import dev.messaging.delivery.Outgoing;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.Message;
import dev.messaging.message.MessageFile;
import dev.messaging.message.MessageType;
import jakarta.activation.DataHandler;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * A delivery as a MIME message: plain text, and beside it the HTML as a multipart/alternative when
 * the message has HTML; its files as attachments (multipart/mixed); From and Reply-To from the
 * location's identity (the message's own {@code from} when it names one); To (the message's own
 * {@code to}, else the contact's address), Cc and Bcc; {@code Message-ID} from the delivery key,
 * so a redelivery carries the same one; {@code In-Reply-To} and {@code References} naming the
 * email it answers; {@code List-Unsubscribe} (one-click for an https link) on marketing. Header
 * values lose their line breaks, so no value can start a header of its own.
 */
final class MimeRenderer {
    private final Session session;
    private final Function<Tenant, MailIdentity> identities;
    private final String domain;
    private final AttachmentSource attachments;
    private final long maxAttachmentBytes;
    private final long maxTotalBytes;
    private final Function<Outgoing, URI> unsubscribe;

    MimeRenderer(Session session, Function<Tenant, MailIdentity> identities, String domain,
            AttachmentSource attachments, long maxAttachmentBytes, long maxTotalBytes, Function<Outgoing, URI> unsubscribe) {
        this.session = session;
        this.identities = identities;
        this.domain = domain;
        this.attachments = attachments;
        this.maxAttachmentBytes = maxAttachmentBytes;
        this.maxTotalBytes = maxTotalBytes;
        this.unsubscribe = unsubscribe;
    }

    /** What cannot be sent as it is (a malformed address, a file over the limit): failed for good. */
    static final class Unsendable extends Exception {
        Unsendable(String message) {
            super(message);
        }
    }

    /** The provider id of a delivery: its Message-ID without the angle brackets. */
    String providerId(Outgoing o) {
        return o.key() + "@" + domain;
    }

    MimeMessage render(Outgoing o) throws Unsendable, IOException, MessagingException {
        Message m = o.message();
        EmailDetails e = m.emailOptions().details() != null ? m.emailOptions().details() : EmailDetails.NONE;
        MailIdentity identity = identities.apply(o.tenant());
        MimeMessage mime = new KeptIdMessage(session, "<" + providerId(o) + ">");
        mime.setFrom(e.from() != null ? address("emailDetails.from", e.from()) : address(identity.from()));
        if (identity.replyTo() != null) {
            mime.setReplyTo(new InternetAddress[] {address(identity.replyTo())});
        }
        List<String> to = !e.to().isEmpty() ? e.to() : o.to() == null ? List.of() : List.of(o.to());
        if (to.isEmpty()) {
            throw new Unsendable("no address: neither the message nor the customer's contact names one");
        }
        mime.setRecipients(jakarta.mail.Message.RecipientType.TO, addresses("to", to));
        if (!e.cc().isEmpty()) {
            mime.setRecipients(jakarta.mail.Message.RecipientType.CC, addresses("emailDetails.cc", e.cc()));
        }
        if (!e.bcc().isEmpty()) {
            mime.setRecipients(jakarta.mail.Message.RecipientType.BCC, addresses("emailDetails.bcc", e.bcc()));
        }
        mime.setSubject(oneLine(m.emailOptions().subject() == null ? "" : m.emailOptions().subject()), "UTF-8");
        mime.setSentDate(new Date());
        if (o.inReplyTo() != null) {
            String answered = "<" + oneLine(o.inReplyTo()) + ">";
            mime.setHeader("In-Reply-To", answered);
            mime.setHeader("References", answered);
        }
        URI link = m.type() == MessageType.MARKETING && unsubscribe != null ? unsubscribe.apply(o) : null;
        if (link != null) {
            mime.setHeader("List-Unsubscribe", "<" + oneLine(link.toString()) + ">");
            if ("https".equals(link.getScheme())) {
                mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            }
        }
        BodyPart body = body(m.text(), e.html());
        if (m.files().isEmpty()) {
            setContent(mime, body);
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            long total = 0;
            for (MessageFile file : m.files()) {
                byte[] bytes = read(o, file);
                total += bytes.length;
                if (total > maxTotalBytes) {
                    throw new Unsendable("attachments: larger than " + maxTotalBytes + " bytes together");
                }
                mixed.addBodyPart(attachment(file, bytes));
            }
            mime.setContent(mixed);
        }
        mime.saveChanges();
        return mime;
    }

    private static BodyPart body(String text, String html) throws MessagingException {
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text == null ? "" : text, "UTF-8");
        if (html == null) {
            return plain;
        }
        MimeBodyPart rich = new MimeBodyPart();
        rich.setContent(html, "text/html; charset=UTF-8");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(plain);
        alternative.addBodyPart(rich);
        MimeBodyPart wrapper = new MimeBodyPart();
        wrapper.setContent(alternative);
        return wrapper;
    }

    private static void setContent(MimeMessage mime, BodyPart body) throws MessagingException, IOException {
        if (body.getContent() instanceof MimeMultipart multipart) {
            mime.setContent(multipart);
        } else {
            mime.setText((String) body.getContent(), "UTF-8");
        }
    }

    private byte[] read(Outgoing o, MessageFile file) throws IOException, Unsendable {
        if (attachments == null) {
            throw new Unsendable("attachments: the mail sender has no attachment source to read " + file.id());
        }
        try (InputStream in = attachments.open(o.tenant(), file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxAttachmentBytes + 1));
            if (bytes.length > maxAttachmentBytes) {
                throw new Unsendable("attachment " + file.id() + ": larger than " + maxAttachmentBytes + " bytes");
            }
            return bytes;
        }
    }

    private static MimeBodyPart attachment(MessageFile file, byte[] bytes) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        String type = file.fileType() != null && file.fileType().matches("[\\w.+-]+/[\\w.+-]+")
                ? file.fileType() : "application/octet-stream";
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type)));
        part.setFileName(oneLine(file.fileName() != null ? file.fileName() : "attachment-" + file.id()));
        part.setDisposition(jakarta.mail.Part.ATTACHMENT);
        return part;
    }

    private static InternetAddress address(Mailbox mailbox) throws MessagingException {
        try {
            InternetAddress a = new InternetAddress(oneLine(mailbox.address()), true);
            if (mailbox.name() != null) {
                a.setPersonal(oneLine(mailbox.name()), "UTF-8");
            }
            return a;
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static InternetAddress address(String field, String value) throws Unsendable {
        try {
            InternetAddress[] parsed = InternetAddress.parse(oneLine(value), true);
            if (parsed.length != 1) {
                throw new Unsendable(field + ": not one email address: " + value);
            }
            return parsed[0];
        } catch (AddressException e) {
            throw new Unsendable(field + ": not an email address: " + value + " (" + e.getMessage() + ")");
        }
    }

    private static InternetAddress[] addresses(String field, List<String> values) throws Unsendable {
        List<InternetAddress> all = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            all.add(address(field + "[" + i + "]", values.get(i)));
        }
        return all.toArray(InternetAddress[]::new);
    }

    /** {@code value} on one line: line breaks and other control characters become spaces. */
    static String oneLine(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        return out.toString().strip();
    }

    /** The lower-case domain of {@code address}. */
    static String domainOf(String address) {
        return address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /** A message whose Message-ID is the one it was given (Jakarta Mail writes a new one on every save). */
    private static final class KeptIdMessage extends MimeMessage {
        private final String id;

        KeptIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
