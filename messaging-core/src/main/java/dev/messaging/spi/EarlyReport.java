package dev.messaging.spi;

import dev.messaging.message.DeliveryStatus;
import java.time.Instant;

/**
 * A provider's callback that came before the Sent it reports on was recorded (so no tenant's
 * delivery has its provider id yet), kept by the store until that Sent lands.
 */
public record EarlyReport(String providerMessageId, DeliveryStatus status, String error, Instant receivedAt) {
}
