package dev.messaging.view.leadconnector;

import dev.messaging.conversation.Conversation;
import dev.messaging.thread.ThreadMetadata;

/**
 * LeadConnector GetConversationByIdResponse. {@code type} is the channel's numeric code (1..6,
 * null when the conversation has none: upstream has no code for "none"); {@code inbox} is whether it shows in the acting user's inbox
 * (not archived by the user or shop-wide); {@code starred} is the user's important flag.
 */
public record GetConversationByIdResponse(
        String contactId,
        String locationId,
        Boolean deleted,
        Boolean inbox,
        Integer type,
        Integer unreadCount,
        String assignedTo,
        String id,
        Boolean starred) {

    /** The response of a conversation by id, as seen by the user of {@code thread}. */
    public static GetConversationByIdResponse from(Conversation c, ThreadMetadata thread) {
        return new GetConversationByIdResponse(c.customerId(), c.locationId(), c.deleted(),
                !c.archived() && !thread.archived(), c.channel() == null ? null : c.channel().code(),
                thread.unreadMessagesCount(), c.assignedTo(), c.id(), thread.important());
    }
}
