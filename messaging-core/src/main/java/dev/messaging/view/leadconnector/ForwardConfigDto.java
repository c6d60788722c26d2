package dev.messaging.view.leadconnector;

/**
 * LeadConnector ForwardConfigDto: the {@code forward} of a send body (forward an email, or its whole
 * thread, to an address or another contact). Parsed and rendered; the domain does not forward yet.
 */
public record ForwardConfigDto(
        Boolean isForwarded,
        Boolean forwardWholeThread,
        String messageId,
        String emailMessageId,
        String sourceContactId,
        String sourceConversationId,
        String toEmail,
        String recipientContactId,
        String recipientConversationId) {
}
