package dev.messaging.view.leadconnector;

import dev.messaging.conversation.Conversation;
import dev.messaging.thread.ThreadMetadata;

/**
 * LeadConnector's {@code ConversationUnreadUpdate} webhook: a user's thread of a conversation was
 * read or marked unread — its unread count, whether it is in the inbox (not archived), starred
 * (important), and whether the conversation is deleted.
 */
public record ConversationUnreadWebhook(String type, String locationId, String id, String contactId,
        Integer unreadCount, Boolean inbox, Boolean starred, Boolean deleted) {

    /** The webhook of {@code c} as the user of {@code thread} sees it. */
    public static ConversationUnreadWebhook from(Conversation c, ThreadMetadata thread) {
        return new ConversationUnreadWebhook("ConversationUnreadUpdate", c.locationId(), c.id(), c.customerId(),
                thread.unreadMessagesCount(), !c.archived() && !thread.archived(), thread.important(), c.deleted());
    }
}
