package dev.messaging.view.leadconnector;

import dev.messaging.conversation.Contact;
import dev.messaging.conversation.Conversation;
import dev.messaging.thread.ThreadMetadata;
import dev.messaging.view.Iso;

/** LeadConnector ConversationSchema: one search result; {@code unreadCount} is the acting user's. */
public record ConversationSchema(
        String id,
        String contactId,
        String locationId,
        String lastMessageBody,
        String lastMessageType,
        String type,
        Integer unreadCount,
        String fullName,
        String contactName,
        String email,
        String phone) {

    /** {@code c} as seen by the user of {@code thread} (its unread count). */
    public static ConversationSchema from(Conversation c, ThreadMetadata thread) {
        Contact contact = c.contact();
        return new ConversationSchema(c.id(), c.customerId(), c.locationId(), c.lastMessageBody(),
                LeadConnectorMessageType.of(c.lastMessageType()), Iso.wire(c.channel()), thread.unreadMessagesCount(),
                contact == null ? null : contact.fullName(), contact == null ? null : contact.companyName(),
                contact == null ? null : contact.email(), contact == null ? null : contact.phone());
    }
}
