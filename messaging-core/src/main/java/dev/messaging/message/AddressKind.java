package dev.messaging.message;

/**
 * The kind of address a {@link DeliveryChannel} reaches: what {@code Outgoing.to()} holds for a
 * message's send on it.
 */
public enum AddressKind {
    /** The customer's email address (the conversation contact's {@code email}). */
    EMAIL,
    /** The customer's phone number (the conversation contact's {@code phone}). */
    PHONE,
    /**
     * The customer as the provider knows them (Facebook, Instagram, a chat widget...): the send
     * names the customer's id and the provider resolves its own handle for them.
     */
    CUSTOMER,
    /** A staff user of the service (the notification's recipient); no customer address. */
    USER
}
