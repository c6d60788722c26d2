package dev.messaging.delivery;

import dev.messaging.message.DeliveryChannel;
import java.time.Instant;

/**
 * Whether a customer takes messages on a channel — or, with a {@code categoryId}, the messages of
 * one {@link ConsentCategory} on it (marketing, say, apart from transactional) — {@code subscribed}
 * or not, since {@code date}, how it was set ({@code source}: a stop keyword, the service's own
 * screen, an import, a complaint...) and why. A customer without a consent record of a channel (or
 * of a category on it) is subscribed to it. A delivery to an unsubscribed channel, or of a message
 * of a category the customer unsubscribed from on that channel, is never sent: it ends as OptOut.
 */
public record Consent(String customerId, DeliveryChannel channel, String categoryId, boolean subscribed, Instant date,
        String source, String reason) {

    /** A consent of the channel as a whole (no category). */
    public Consent(String customerId, DeliveryChannel channel, boolean subscribed, Instant date, String source,
            String reason) {
        this(customerId, channel, null, subscribed, date, source, reason);
    }
}
