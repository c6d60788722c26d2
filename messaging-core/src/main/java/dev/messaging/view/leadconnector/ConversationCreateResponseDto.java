package dev.messaging.view.leadconnector;

import dev.messaging.conversation.Conversation;
import dev.messaging.view.Iso;

/** LeadConnector ConversationCreateResponseDto. */
public record ConversationCreateResponseDto(
        String id,
        String dateUpdated,
        String dateAdded,
        Boolean deleted,
        String contactId,
        String locationId,
        String lastMessageDate,
        String assignedTo) {

    /** The response to creating {@code c}. */
    public static ConversationCreateResponseDto from(Conversation c) {
        return new ConversationCreateResponseDto(c.id(), Iso.date(c.updatedDate()), Iso.date(c.createdDate()),
                c.deleted(), c.customerId(), c.locationId(), Iso.date(c.lastMessageDate()), c.assignedTo());
    }
}
