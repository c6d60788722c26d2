package dev.messaging.view.hotel;

import dev.messaging.conversation.Contact;
import dev.messaging.conversation.ConversationType;
import dev.messaging.conversation.NewConversation;
import dev.messaging.message.NewMessage;

/**
 * The hotel API's CreateConversationRequest ({@code POST API/V40/Interactive/Messages/Conversations}).
 * The guest is the session's customer; {@code sessionToken} is the caller's session (kept as the
 * actor's sessionId by the service, not by this request).
 */
public record CreateConversationRequest(
        String message,
        String conversationType,
        String outletCode,
        String orderCode,
        String sessionToken) {

    /** The conversation to start for {@code guestId} (with the guest's contact). */
    public NewConversation conversation(String guestId, Contact guest) {
        return NewConversation.forCustomer(guestId).withContact(guest).withOutletCode(blankToNull(outletCode))
                .withOrderCode(blankToNull(orderCode)).withConversationType(ConversationType.fromWire(conversationType));
    }

    /** The first message. */
    public NewMessage firstMessage() {
        return NewMessage.builder().text(message).build();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
