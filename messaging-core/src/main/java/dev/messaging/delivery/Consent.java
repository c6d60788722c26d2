package dev.messaging.delivery;

import dev.messaging.message.DeliveryChannel;
import java.time.Instant;

/**
 * Whether a customer takes messages on a channel: {@code subscribed} or not, since {@code date},
 * how it was set ({@code source}: a stop keyword, the service's own screen, an import...) and why.
 * A customer without a consent record of a channel is subscribed to it. A delivery to an
 * unsubscribed channel is never sent: it ends at creation as OptOut.
 */
public record Consent(String customerId, DeliveryChannel channel, boolean subscribed, Instant date, String source,
        String reason) {
}
