package dev.messaging.inbox;

import dev.messaging.conversation.Contact;
import dev.messaging.conversation.Conversation;
import dev.messaging.message.Message;
import dev.messaging.thread.ThreadMetadata;

/**
 * One row of a user's inbox: a conversation's newest live message, the user's thread state of
 * it ({@code messageThreadMetadata}), the customer's contact snapshot, and the order of that
 * message ({@code orderId}, {@code orderNumber}). {@code cursor} resumes the inbox after this row.
 * {@code message} (and its order) is null only when the store cannot read that message back (a
 * row damaged behind the library; reading it raises {@code UnreadableRowException}): the rest of
 * the inbox is served.
 */
public record InboxEntry(
        Conversation conversation,
        Message message,
        ThreadMetadata messageThreadMetadata,
        Contact customer,
        String orderId,
        String orderNumber) {
}
