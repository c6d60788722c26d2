package dev.messaging.mail;

import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a raw RFC 5322 email (what SendGrid Inbound Parse, a Mailgun route or an IMAP fetch hands a
 * service) into an {@link InboundMail}. Lenient where mail is commonly broken — an unknown charset
 * or bad base64 is read as UTF-8 with replacement characters, control characters leave header
 * values and texts — and strict on size: over a {@link MailLimits} limit it is a
 * {@link MalformedMailException} naming the limit. No exception of Jakarta Mail leaves it.
 */
public final class MailParser {
    private static final Pattern ANGLE_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern STATUS = Pattern.compile("(?im)^Status:\\s*([245])\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern DIAGNOSTIC = Pattern.compile("(?im)^Diagnostic-Code:\\s*(.+)$");
    private static final Pattern ORIGINAL_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>]+>)");
    private static final Session SESSION = session();

    private final MailLimits limits;

    /** A parser with these limits. */
    public MailParser(MailLimits limits) {
        this.limits = limits;
    }

    private static Session session() {
        Properties p = new Properties();
        // read what is there of a broken base64 or quoted-printable part instead of failing the email
        p.put("mail.mime.base64.ignoreerrors", "true");
        p.put("mail.mime.decodetext.strict", "false");
        p.put("mail.mime.parameters.strict", "false");
        p.put("mail.mime.address.strict", "false");
        return Session.getInstance(p);
    }

    /** The email in {@code raw}; a {@link MalformedMailException} when it is over a limit or unreadable. */
    public InboundMail parse(byte[] raw) {
        if (raw.length > limits.maxBytes()) {
            throw new MalformedMailException("the email is larger than " + limits.maxBytes() + " bytes ("
                    + raw.length + ")");
        }
        try {
            MimeMessage mime = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            Walk walk = new Walk();
            walk(mime, 0, walk);
            String text = clean(walk.text);
            return new InboundMail(id(mime.getHeader("Message-ID", null)), id(mime.getHeader("In-Reply-To", null)),
                    ids(mime.getHeader("References", " ")), sender(mime), addresses(mime, "To"), addresses(mime, "Cc"),
                    header(mime, "Subject"), ReplyText.of(text), text, walk.html, List.copyOf(walk.attachments),
                    kind(mime, walk), walk.original, walk.permanent, walk.diagnostic);
        } catch (MessagingException | IOException | RuntimeException e) {
            if (e instanceof MalformedMailException m) {
                throw m;
            }
            throw new MalformedMailException("the email cannot be read: " + e, e);
        }
    }

    /** What a walk over the parts found. */
    private static final class Walk {
        private String text;
        private String html;
        private final List<InboundAttachment> attachments = new ArrayList<>();
        private int parts;
        private String reportType;
        private String original;
        private boolean permanent;
        private String diagnostic;
    }

    private void walk(Part part, int depth, Walk walk) throws MessagingException, IOException {
        if (depth > limits.maxDepth()) {
            throw new MalformedMailException("the email's parts nest deeper than " + limits.maxDepth() + " levels");
        }
        if (++walk.parts > limits.maxParts()) {
            throw new MalformedMailException("the email has more than " + limits.maxParts() + " parts");
        }
        ContentType type = contentType(part);
        String base = type.getBaseType().toLowerCase(Locale.ROOT);
        if (base.startsWith("multipart/")) {
            if ("report".equals(type.getSubType().toLowerCase(Locale.ROOT))) {
                walk.reportType = type.getParameter("report-type");
            }
            Object content = part.getContent();
            if (content instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    walk(child, depth + 1, walk);
                }
            }
            return;
        }
        if (walk.reportType != null && report(part, base, walk)) {
            return;
        }
        boolean attached = Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
        if (!attached && base.equals("text/plain") && walk.text == null) {
            walk.text = read(part, type);
        } else if (!attached && base.equals("text/html") && walk.html == null) {
            walk.html = clean(read(part, type));
        } else if (!base.startsWith("message/") || attached) {
            byte[] bytes = bytes(part);
            walk.attachments.add(new InboundAttachment(fileName(part, walk.attachments.size()), base, bytes));
        }
    }

    /** Reads a part of a delivery-status or feedback report; true when it was one. */
    private boolean report(Part part, String base, Walk walk) throws MessagingException, IOException {
        switch (base) {
            case "message/delivery-status", "message/feedback-report" -> {
                String fields = new String(bytes(part), StandardCharsets.UTF_8);
                Matcher status = STATUS.matcher(fields);
                if (status.find()) {
                    walk.permanent = status.group(1).equals("5");
                }
                Matcher diagnostic = DIAGNOSTIC.matcher(fields);
                if (diagnostic.find()) {
                    walk.diagnostic = MimeRenderer.oneLine(diagnostic.group(1));
                }
                return true;
            }
            case "message/rfc822", "text/rfc822-headers", "message/rfc822-headers" -> {
                String headers = new String(bytes(part), StandardCharsets.UTF_8);
                Matcher id = ORIGINAL_ID.matcher(headers);
                if (id.find()) {
                    walk.original = id(id.group(1));
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    private static InboundMail.Kind kind(MimeMessage mime, Walk walk) throws MessagingException {
        if (walk.reportType != null && walk.reportType.equalsIgnoreCase("delivery-status")) {
            return InboundMail.Kind.BOUNCE;
        }
        if (walk.reportType != null && walk.reportType.equalsIgnoreCase("feedback-report")) {
            return InboundMail.Kind.COMPLAINT;
        }
        String auto = header(mime, "Auto-Submitted");
        String precedence = header(mime, "Precedence");
        if (auto != null && !auto.equalsIgnoreCase("no") || precedence != null
                && List.of("bulk", "auto_reply", "junk", "list").contains(precedence.toLowerCase(Locale.ROOT))
                || header(mime, "X-Autoreply") != null || header(mime, "X-Autorespond") != null) {
            return InboundMail.Kind.AUTO_REPLY;
        }
        return InboundMail.Kind.MESSAGE;
    }

    private String read(Part part, ContentType type) throws MessagingException, IOException {
        byte[] bytes = bytes(part);
        Charset charset;
        try {
            String name = type.getParameter("charset");
            charset = name == null ? StandardCharsets.US_ASCII : Charset.forName(MimeUtility.javaCharset(name));
        } catch (RuntimeException e) {
            charset = StandardCharsets.UTF_8;
        }
        return new String(bytes, charset);
    }

    private byte[] bytes(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(limits.maxAttachmentBytes() + 1);
            if (bytes.length > limits.maxAttachmentBytes()) {
                throw new MalformedMailException("a part of the email is larger than " + limits.maxAttachmentBytes()
                        + " bytes");
            }
            return bytes;
        }
    }

    private static ContentType contentType(Part part) throws MessagingException {
        try {
            return new ContentType(part.getContentType() == null ? "text/plain" : part.getContentType());
        } catch (ParseException e) {
            return new ContentType("application", "octet-stream", null);
        }
    }

    private static String fileName(Part part, int index) {
        try {
            String name = part.getFileName();
            if (name != null) {
                name = MimeUtility.decodeText(name);
            }
            name = name == null ? null : MimeRenderer.oneLine(name).replaceAll("[\\\\/]", "_");
            return name == null || name.isBlank() ? "attachment-" + (index + 1) : name;
        } catch (MessagingException | IOException | RuntimeException e) {
            return "attachment-" + (index + 1);
        }
    }

    private static Mailbox sender(MimeMessage mime) throws MessagingException {
        Address[] from = mime.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)) {
            return null;
        }
        return new Mailbox(MimeRenderer.oneLine(address.getAddress()),
                address.getPersonal() == null ? null : MimeRenderer.oneLine(address.getPersonal()));
    }

    private static List<String> addresses(MimeMessage mime, String header) throws MessagingException {
        String value = mime.getHeader(header, ",");
        if (value == null) {
            return List.of();
        }
        List<String> all = new ArrayList<>();
        for (InternetAddress a : InternetAddress.parseHeader(value, false)) {
            if (a.getAddress() != null) {
                all.add(MimeRenderer.oneLine(a.getAddress()));
            }
        }
        return List.copyOf(all);
    }

    private static String header(MimeMessage mime, String name) throws MessagingException {
        String value = mime.getHeader(name, " ");
        if (value == null) {
            return null;
        }
        try {
            value = MimeUtility.decodeText(MimeUtility.unfold(value));
        } catch (IOException | RuntimeException e) {
            // an undecodable encoded word stays as it came
        }
        return MimeRenderer.oneLine(value);
    }

    /** The first {@code <id>} of a header, without its brackets (or the bare value when it has none). */
    static String id(String header) {
        List<String> ids = ids(header);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        return header == null || header.isBlank() ? null : MimeRenderer.oneLine(header).replaceAll("[<>\\s]", "");
    }

    private static List<String> ids(String header) {
        if (header == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher m = ANGLE_ID.matcher(header);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return List.copyOf(ids);
    }

    /** Text without control characters but line breaks and tabs (a NUL, say, is refused by the domain). */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().filter(c -> c == '\n' || c == '\t' || c == '\r' || !Character.isISOControl(c))
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
