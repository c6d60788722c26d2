package dev.messaging.message;

import java.util.List;

/**
 * The email-specific fields of a message (LeadConnector GetEmailMessageResponseDto and the send
 * body): provider ids, addressing, the HTML body and threading. The subject and plain body are the
 * message's own {@code emailSubject} and {@code text}; {@code html}, when set, is the same content
 * as HTML (a mail sender sends both as alternatives). Threading: {@code replyToMessageId} names the
 * message of this location the email answers — a message created with it and no conversation joins
 * that message's conversation and email thread ({@code threadId}) — and {@code replyMode} whom it
 * answers.
 */
public record EmailDetails(
        String altId,
        String threadId,
        String contentType,
        List<String> attachments,
        String provider,
        String from,
        List<String> to,
        List<String> cc,
        List<String> bcc,
        String replyToMessageId,
        String source,
        String conversationProviderId,
        String html,
        EmailReplyMode replyMode) {
    /** No details: every field null or empty. */
    public static final EmailDetails NONE = new EmailDetails(null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    public EmailDetails {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        bcc = bcc == null ? List.of() : List.copyOf(bcc);
    }

    /** Details without an HTML body or reply mode (the fields before they were added). */
    public EmailDetails(String altId, String threadId, String contentType, List<String> attachments, String provider,
            String from, List<String> to, List<String> cc, List<String> bcc, String replyToMessageId, String source,
            String conversationProviderId) {
        this(altId, threadId, contentType, attachments, provider, from, to, cc, bcc, replyToMessageId, source,
                conversationProviderId, null, null);
    }

    /** These details in the email thread {@code value}. */
    public EmailDetails withThreadId(String value) {
        return new EmailDetails(altId, value, contentType, attachments, provider, from, to, cc, bcc, replyToMessageId,
                source, conversationProviderId, html, replyMode);
    }
}
