package dev.messaging.delivery;

/** What a delivery carries: a message to its customer, or a staff user's notification of a customer message. */
public enum DeliveryPurpose {
    MESSAGE, NOTIFICATION
}
