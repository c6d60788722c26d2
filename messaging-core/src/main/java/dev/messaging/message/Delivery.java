package dev.messaging.message;

import java.time.Instant;

/** One step of an email's or SMS's delivery history: the status reached, when, and any error. */
public record Delivery(DeliveryStatus status, Instant date, String error) {
}
