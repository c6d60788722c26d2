package dev.messaging.message;

import java.time.Instant;

/** One step of an email's or SMS's delivery history: the status reached, when, and any error. */
public record SendStep(DeliveryStatus status, Instant date, String error) {
}
