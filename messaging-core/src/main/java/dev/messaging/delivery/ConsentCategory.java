package dev.messaging.delivery;

import dev.messaging.message.DeliveryChannel;
import java.time.Instant;

/**
 * A kind of message a customer may unsubscribe from apart from the rest (LeadConnector's custom
 * subtypes): marketing apart from transactional, say. {@code channel} is the channel it is of, or
 * null for every channel. An archived category takes no new messages; consents set in it stay.
 * {@code resubscriptionLegalFormId} is the service's form a customer signs to subscribe again.
 */
public record ConsentCategory(String id, String name, String description, DeliveryChannel channel,
        String languageCode, boolean archived, String resubscriptionLegalFormId, Instant createdDate,
        Instant updatedDate) {
}
