package dev.messaging.conversation;

/**
 * A request to create a conversation with a customer. Only {@code customerId} is required.
 * Build it with {@link #forCustomer} and the {@code with*} methods.
 */
public record NewConversation(
        String customerId,
        Contact contact,
        String assignedTo,
        ConversationChannel channel,
        String subject,
        String orderId) {

    public static NewConversation forCustomer(String customerId) {
        return new NewConversation(customerId, null, null, null, null, null);
    }

    public NewConversation withContact(Contact value) {
        return new NewConversation(customerId, value, assignedTo, channel, subject, orderId);
    }

    public NewConversation withAssignedTo(String value) {
        return new NewConversation(customerId, contact, value, channel, subject, orderId);
    }

    public NewConversation withChannel(ConversationChannel value) {
        return new NewConversation(customerId, contact, assignedTo, value, subject, orderId);
    }

    public NewConversation withSubject(String value) {
        return new NewConversation(customerId, contact, assignedTo, channel, value, orderId);
    }

    public NewConversation withOrderId(String value) {
        return new NewConversation(customerId, contact, assignedTo, channel, subject, value);
    }
}
