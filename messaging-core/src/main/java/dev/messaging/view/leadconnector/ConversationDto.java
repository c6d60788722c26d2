package dev.messaging.view.leadconnector;

import dev.messaging.conversation.Conversation;
import dev.messaging.thread.ThreadMetadata;

/**
 * LeadConnector ConversationDto. {@code lastMessageDate} is epoch milliseconds as a string (as the
 * reference shows); {@code lastMessageType} one of LeadConnector's message types (or a new one, as it
 * came); {@code userId} is the acting user's.
 */
public record ConversationDto(
        String id,
        String locationId,
        String contactId,
        String assignedTo,
        String userId,
        String lastMessageBody,
        String lastMessageDate,
        String lastMessageType,
        Integer unreadCount,
        Boolean inbox,
        Boolean starred,
        Boolean deleted) {

    /** {@code c} as seen by the user of {@code thread} (its unread count). */
    public static ConversationDto from(Conversation c, ThreadMetadata thread) {
        return new ConversationDto(c.id(), c.locationId(), c.customerId(), c.assignedTo(), thread.userId(),
                c.lastMessageBody(), c.lastMessageDate() == null ? null : String.valueOf(c.lastMessageDate().toEpochMilli()),
                LeadConnectorMessageType.of(c.lastMessageType()), thread.unreadMessagesCount(),
                !c.archived() && !thread.archived(), thread.important(), c.deleted());
    }
}
