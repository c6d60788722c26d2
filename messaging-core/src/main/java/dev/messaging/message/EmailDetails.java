package dev.messaging.message;

import java.util.List;

/**
 * The email-specific fields of a message (LeadConnector GetEmailMessageResponseDto): provider
 * ids, addressing and threading. The subject and body are the message's own
 * {@code emailSubject} and {@code text}.
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
        String conversationProviderId) {

    public EmailDetails {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
        to = to == null ? List.of() : List.copyOf(to);
        cc = cc == null ? List.of() : List.copyOf(cc);
        bcc = bcc == null ? List.of() : List.copyOf(bcc);
    }
}
