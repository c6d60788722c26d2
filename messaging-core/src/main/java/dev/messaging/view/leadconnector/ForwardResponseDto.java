package dev.messaging.view.leadconnector;

/** LeadConnector ForwardResponseDto: the {@code forwardData} of a send response. Parsed and rendered. */
public record ForwardResponseDto(
        Boolean forwardWholeThread,
        String messageId,
        String emailMessageId,
        String sourceContactId,
        String sourceConversationId,
        String forwardToEmail,
        String recipientContactId,
        String recipientConversationId) {
}
