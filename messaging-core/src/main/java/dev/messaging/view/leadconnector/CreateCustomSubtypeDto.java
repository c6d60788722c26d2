package dev.messaging.view.leadconnector;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.delivery.ConsentCategory;
import dev.messaging.error.ValidationException;
import dev.messaging.message.DeliveryChannel;

/**
 * LeadConnector CreateCustomSubtypeDto ({@code POST /conversations/preferences/custom-subtypes}):
 * a consent category of {@code channel} ({@code email} or {@code sms}).
 */
public record CreateCustomSubtypeDto(String name, String description, String channel, String language) {

    /** Creates the category for {@code actor}'s location; an unknown channel is a validation error on {@code channel}. */
    public ConsentCategory create(Messaging messaging, Actor actor) {
        return messaging.consents().createCategory(actor, name, description, channel(channel), language);
    }

    /** The domain channel of LeadConnector's {@code email} or {@code sms}; null for null. */
    static DeliveryChannel channel(String word) {
        if (word == null) {
            return null;
        }
        return switch (word) {
            case "email" -> DeliveryChannel.EMAIL;
            case "sms" -> DeliveryChannel.SMS;
            default -> throw ValidationException.of("channel", "is not email or sms: " + word);
        };
    }
}
