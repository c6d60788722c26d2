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
        String orderId,
        String outletCode,
        ConversationType conversationType,
        String orderCode) {

    public static NewConversation forCustomer(String customerId) {
        return new NewConversation(customerId, null, null, null, null, null, null, null, null);
    }

    public NewConversation withContact(Contact value) {
        return new NewConversation(customerId, value, assignedTo, channel, subject, orderId,
                outletCode, conversationType, orderCode);
    }

    public NewConversation withAssignedTo(String value) {
        return new NewConversation(customerId, contact, value, channel, subject, orderId,
                outletCode, conversationType, orderCode);
    }

    public NewConversation withChannel(ConversationChannel value) {
        return new NewConversation(customerId, contact, assignedTo, value, subject, orderId,
                outletCode, conversationType, orderCode);
    }

    public NewConversation withSubject(String value) {
        return new NewConversation(customerId, contact, assignedTo, channel, value, orderId,
                outletCode, conversationType, orderCode);
    }

    public NewConversation withOrderId(String value) {
        return new NewConversation(customerId, contact, assignedTo, channel, subject, value,
                outletCode, conversationType, orderCode);
    }

    /** The outlet (hotel API {@code outletCode}); without one a new conversation gets the first active outlet, if any. */
    public NewConversation withOutletCode(String value) {
        return new NewConversation(customerId, contact, assignedTo, channel, subject, orderId, value, conversationType,
                orderCode);
    }

    public NewConversation withConversationType(ConversationType value) {
        return new NewConversation(customerId, contact, assignedTo, channel, subject, orderId, outletCode, value,
                orderCode);
    }

    /** The order the conversation is about (hotel API {@code orderCode}). */
    public NewConversation withOrderCode(String value) {
        return new NewConversation(customerId, contact, assignedTo, channel, subject, orderId, outletCode,
                conversationType, value);
    }
}
