package dev.messaging.message;

import dev.messaging.common.WireValue;

/** Where a message was written or came from. */
public enum MessageOrigin implements WireValue {
    CHAT_BOT("ChatBot"),
    SCHEDULER("Scheduler"),
    CAMPAIGN("Campaign"),
    WEB("Web"),
    MOBILE("Mobile"),
    CUSTOMER_ORDER_PAGE("CustomerOrderPage"),
    SMS("SMS"),
    EMAIL("Email");

    private final String wire;

    MessageOrigin(String wire) {
        this.wire = wire;
    }

    @Override
    public String wireValue() {
        return wire;
    }

    /** Parses the exact wire value; anything else is a validation error on {@code origin}. */
    public static MessageOrigin fromWire(String value) {
        return WireValue.parse(MessageOrigin.class, "origin", value);
    }
}
