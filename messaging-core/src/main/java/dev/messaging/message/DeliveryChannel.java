package dev.messaging.message;

/**
 * How a delivery goes out: a message's email or SMS, or a staff notification by email, SMS or in
 * the service's own app ({@code IN_APP}: claimed by the service's push layer).
 */
public enum DeliveryChannel {
    EMAIL, SMS, IN_APP
}
