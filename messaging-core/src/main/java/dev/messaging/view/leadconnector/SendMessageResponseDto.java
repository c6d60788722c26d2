package dev.messaging.view.leadconnector;

import dev.messaging.message.Message;
import java.util.List;

/**
 * LeadConnector SendMessageResponseDto: what a send answers. {@code status} is the status of the
 * message's send in LeadConnector's words ({@link LeadConnectorStatus}: a new send is
 * {@code pending}, a scheduled one {@code scheduled}); {@code emailMessageId} the email's provider
 * id once known.
 */
public record SendMessageResponseDto(
        String conversationId,
        String emailMessageId,
        String messageId,
        List<String> messageIds,
        String msg,
        ForwardResponseDto forwardData,
        String status) {

    /** The response to the send that created {@code m}. */
    public static SendMessageResponseDto from(Message m) {
        return new SendMessageResponseDto(m.conversationId(), m.emailOptions().emailId(), m.id(), null,
                "Message queued successfully.", null, GetMessageResponseDto.status(m));
    }
}
