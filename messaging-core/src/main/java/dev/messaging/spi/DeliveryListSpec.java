package dev.messaging.spi;

import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import java.time.Instant;

/**
 * A page of a tenant's deliveries as the store reads it: of {@code status} and {@code channel}
 * (null: any), created before {@code createdBefore} (null: any), after {@code after} in
 * (created date, id) order (null: from the start), at most {@code limit} rows.
 */
public record DeliveryListSpec(DeliveryStatus status, DeliveryChannel channel, Instant createdBefore,
        PagePosition after, int limit) {
}
