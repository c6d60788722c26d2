package dev.messaging.view.leadconnector;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.delivery.Consent;
import dev.messaging.error.ValidationException;
import dev.messaging.message.DeliveryChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * LeadConnector UserSubscriptionChangeDto ({@code POST /conversations/preferences/unsubscriptions/
 * user-change}): a customer's email subscription changed, with its legal reason.
 * {@link #apply} sets the consents it means, source {@code leadconnector}, the legal reason as
 * their reason.
 */
public record UserSubscriptionChangeDto(String locationId, String contactId, String email,
        SubscriptionActionDto subscription_action, String legal_reason, String legal_description) {

    /**
     * The consents set: {@code default} the customer's email as a whole; {@code custom} the category
     * {@code subtype_id} on email; {@code resub_all} email and every category the customer left on
     * it, subscribed again. A location other than the actor's, an unknown type or status is a
     * validation error naming the field.
     */
    public List<Consent> apply(Messaging messaging, Actor actor) {
        if (locationId != null && !locationId.equals(actor.tenant().locationId())) {
            throw ValidationException.of("locationId", "is not the caller's location");
        }
        SubscriptionActionDto action = subscription_action;
        if (action == null) {
            throw ValidationException.of("subscription_action", "is required");
        }
        boolean subscribed = switch (action.subtype_status() == null ? "" : action.subtype_status()) {
            case "subscribed" -> true;
            case "unsubscribed" -> false;
            default -> throw ValidationException.of("subscription_action.subtype_status",
                    "is not subscribed or unsubscribed: " + action.subtype_status());
        };
        String reason = legal_reason;
        return switch (action.type() == null ? "" : action.type()) {
            case "default" -> List.of(set(messaging, actor, null, subscribed, reason));
            case "custom" -> List.of(set(messaging, actor, action.subtype_id(), subscribed, reason));
            case "resub_all" -> {
                List<Consent> set = new ArrayList<>(List.of(set(messaging, actor, null, true, reason)));
                for (Consent c : messaging.consents().of(actor, contactId)) {
                    if (c.channel() == DeliveryChannel.EMAIL && c.categoryId() != null && !c.subscribed()) {
                        set.add(set(messaging, actor, c.categoryId(), true, reason));
                    }
                }
                yield set;
            }
            default -> throw ValidationException.of("subscription_action.type",
                    "is not default, custom or resub_all: " + action.type());
        };
    }

    private Consent set(Messaging messaging, Actor actor, String category, boolean subscribed, String reason) {
        return messaging.consents().set(actor, contactId, DeliveryChannel.EMAIL, category, subscribed, "leadconnector",
                reason);
    }
}
