package dev.messaging.view.leadconnector;

import dev.messaging.error.ValidationException;
import dev.messaging.message.NewMessage;
import java.util.List;

/**
 * LeadConnector ProcessOutboundMessageBodyDto ({@code POST /conversations/messages/outbound}): an
 * outbound call a custom provider logs. {@link #toNewMessage()} is the call-log message, for
 * {@code messages().create} by the user or the system that called: {@code call} its call,
 * {@code altId} (the provider's id) its {@code clientMessageId}, so a provider that calls twice logs
 * it once. {@code date} is parsed and rendered, not sent on: the store's clock dates a message.
 */
public record ProcessOutboundMessageBodyDto(String type, List<String> attachments, String conversationId,
        String conversationProviderId, String altId, String date, CallDataDto call) {

    /** The call-log message; a missing {@code conversationId} or {@code call} is a validation error naming it. */
    public NewMessage toNewMessage() {
        if (conversationId == null || call == null || !call.toCall().exists()) {
            throw ValidationException.of(conversationId == null ? "conversationId" : "call", "is required");
        }
        return NewMessage.builder().conversationId(conversationId).clientMessageId(altId)
                .channel(LeadConnectorChannel.of(type == null ? "Call" : type))
                .call(call.toCall())
                .files(Attachments.files(attachments)).build();
    }
}
