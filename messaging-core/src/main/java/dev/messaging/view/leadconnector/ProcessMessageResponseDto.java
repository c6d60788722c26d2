package dev.messaging.view.leadconnector;

import dev.messaging.message.Message;
import dev.messaging.view.Iso;

/** LeadConnector ProcessMessageResponseDto: the answer to adding an inbound message or a call log. */
public record ProcessMessageResponseDto(Boolean success, String conversationId, String messageId, String message,
        String contactId, String dateAdded, String emailMessageId) {

    /** The answer for the message {@code m} that was added. */
    public static ProcessMessageResponseDto from(Message m) {
        return new ProcessMessageResponseDto(true, m.conversationId(), m.id(), "Message added", m.customerId(),
                Iso.date(m.createdDate()), m.emailOptions().emailId());
    }
}
