package dev.messaging.message;

import dev.messaging.common.WireValue;

/** Whether a message is transactional or marketing (Marketing when a campaign sent it). */
public enum MessageType implements WireValue {
    TRANSACTIONAL("Transactional"),
    MARKETING("Marketing");

    private final String wire;

    MessageType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wireValue() {
        return wire;
    }

    /** Parses the exact wire value; anything else is a validation error on {@code type}. */
    public static MessageType fromWire(String value) {
        return WireValue.parse(MessageType.class, "type", value);
    }
}
