package dev.messaging.mail;

import java.util.LinkedHashSet;
import java.util.List;

/**
 * A received email as {@link MailParser} reads it: ids without angle brackets ({@code messageId},
 * what it answers: {@code inReplyTo} and {@code references}, oldest first), the sender and the
 * recipients, the subject, the {@code reply} (the text the sender wrote: quoted text and signature
 * cut), the whole plain {@code text} and {@code html} as they came (either may be null), its
 * attachments, and what {@link Kind} of email it is. For a bounce or a complaint, {@code original}
 * is the Message-ID of the email it is about, {@code permanent} whether a bounce is for good (a
 * 5.x.x status) and {@code diagnostic} the server's words.
 */
public record InboundMail(
        String messageId,
        String inReplyTo,
        List<String> references,
        Mailbox from,
        List<String> to,
        List<String> cc,
        String subject,
        String reply,
        String text,
        String html,
        List<InboundAttachment> attachments,
        Kind kind,
        String original,
        boolean permanent,
        String diagnostic) {

    /** What an email is. */
    public enum Kind {
        /** A person's email. */
        MESSAGE,
        /** An automatic answer ({@code Auto-Submitted}, {@code Precedence: bulk} or {@code auto_reply}, an out-of-office). */
        AUTO_REPLY,
        /** A delivery status notification ({@code multipart/report; report-type=delivery-status}) of a failed email. */
        BOUNCE,
        /** An abuse complaint ({@code multipart/report; report-type=feedback-report}, ARF). */
        COMPLAINT
    }

    /** The ids this email answers, newest first: {@code In-Reply-To}, then {@code References} from the last. */
    public List<String> answered() {
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        if (inReplyTo != null) {
            ids.add(inReplyTo);
        }
        for (int i = references.size() - 1; i >= 0; i--) {
            ids.add(references.get(i));
        }
        return List.copyOf(ids);
    }
}
