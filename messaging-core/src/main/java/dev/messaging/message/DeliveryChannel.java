package dev.messaging.message;

/**
 * A channel a delivery goes out on: a message's send to its customer, or a staff notification.
 * Each channel names the kind of {@link AddressKind address} it reaches (the customer's email or
 * phone, the customer as the provider knows them, or a staff user), and consent is kept per channel.
 * {@code IN_APP} is for staff notifications only (claimed by the service's push layer).
 *
 * <p>A channel is data: the outbox, consent, notification settings and the stores take every
 * constant as it is. Adding one is this constant with its address kind, and the message types
 * sent on it ({@link MessageChannel}); a store needs no change (channels are stored by name).
 */
public enum DeliveryChannel {
    EMAIL(AddressKind.EMAIL),
    SMS(AddressKind.PHONE),
    IN_APP(AddressKind.USER),
    WHATSAPP(AddressKind.PHONE),
    RCS(AddressKind.PHONE),
    FACEBOOK(AddressKind.CUSTOMER),
    INSTAGRAM(AddressKind.CUSTOMER),
    GMB(AddressKind.CUSTOMER),
    LIVE_CHAT(AddressKind.CUSTOMER),
    TIKTOK(AddressKind.CUSTOMER);

    private final AddressKind address;

    DeliveryChannel(AddressKind address) {
        this.address = address;
    }

    /** What this channel reaches: which address of a contact a send on it goes to. */
    public AddressKind address() {
        return address;
    }

    /** Whether a message's send to a customer may use this channel (false for staff-only channels). */
    public boolean reachesCustomers() {
        return address != AddressKind.USER;
    }
}
