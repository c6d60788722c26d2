package dev.messaging.view.leadconnector;

import dev.messaging.common.Actor;
import dev.messaging.conversation.NewConversation;
import dev.messaging.error.ValidationException;

/** LeadConnector CreateConversationDto: {@code locationId} must be the actor's location. */
public record CreateConversationDto(String locationId, String contactId) {

    /** The domain request; a location other than the actor's is a validation error. */
    public NewConversation toDomain(Actor actor) {
        if (locationId != null && !locationId.equals(actor.tenant().locationId())) {
            throw ValidationException.of("locationId", "is not the caller's location");
        }
        if (contactId == null || contactId.isBlank()) {
            throw ValidationException.of("contactId", "is required");
        }
        return NewConversation.forCustomer(contactId);
    }
}
