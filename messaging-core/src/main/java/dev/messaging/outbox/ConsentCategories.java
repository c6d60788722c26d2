package dev.messaging.outbox;

import dev.messaging.delivery.Consent;
import dev.messaging.delivery.ConsentCategory;
import dev.messaging.error.ValidationException;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.Message;
import dev.messaging.spi.StoreTransaction;
import java.util.Locale;
import java.util.Map;

/**
 * The consent rules of a message's sends: a send is held (OptOut) when its customer unsubscribed
 * from its channel, or from the message's consent category on that channel. A message names an
 * existing category of its location that is not archived and is of every channel it is sent on.
 */
final class ConsentCategories {
    private ConsentCategories() {
    }

    /** The key of a consent: its channel, and its category after a slash when it has one. */
    static String key(DeliveryChannel channel, String categoryId) {
        return categoryId == null ? channel.name() : channel.name() + "/" + categoryId;
    }

    /**
     * The category {@code m}'s sends go out under (null for none), read in {@code tx}; a validation
     * error on {@code consentCategoryId} when it names no category of the location, an archived one,
     * or one of another channel than a send of {@code m}.
     */
    static ConsentCategory of(StoreTransaction tx, Message m) {
        if (m.consentCategoryId() == null) {
            return null;
        }
        ConsentCategory category = tx.outbox().consentCategories().stream()
                .filter(c -> c.id().equals(m.consentCategoryId())).findFirst()
                .orElseThrow(() -> ValidationException.of("consentCategoryId", "no such consent category in this location"));
        if (category.archived()) {
            throw ValidationException.of("consentCategoryId", "the consent category is archived");
        }
        if (category.channel() != null && m.sends().requested().stream().anyMatch(c -> c != category.channel())) {
            throw ValidationException.of("consentCategoryId", "is a category of " + name(category.channel())
                    + " only, and the message is sent on another channel");
        }
        return category;
    }

    /**
     * Why a send on {@code channel} of a message of {@code category} (or none) is held, given the
     * customer's consents by {@link #key}; null when it may go.
     */
    static String optedOut(Map<String, Consent> consents, DeliveryChannel channel, ConsentCategory category) {
        Consent whole = consents.get(key(channel, null));
        if (whole != null && !whole.subscribed()) {
            return "the customer unsubscribed from " + name(channel);
        }
        Consent part = category == null ? null : consents.get(key(channel, category.id()));
        if (part != null && !part.subscribed()) {
            return "the customer unsubscribed from " + category.name() + " on " + name(channel);
        }
        return null;
    }

    static String name(DeliveryChannel channel) {
        return channel.name().toLowerCase(Locale.ROOT);
    }
}
