package dev.messaging.message;

/** Which send of a message a delivery update is about. */
public enum DeliveryChannel {
    EMAIL, SMS
}
