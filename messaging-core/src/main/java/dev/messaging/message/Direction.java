package dev.messaging.message;

import dev.messaging.common.WireValue;

/** Whether a message came from the customer (inbound) or went to them (outbound). */
public enum Direction implements WireValue {
    INBOUND("inbound"),
    OUTBOUND("outbound");

    private final String wire;

    Direction(String wire) {
        this.wire = wire;
    }

    @Override
    public String wireValue() {
        return wire;
    }

    /** Parses the exact wire value; anything else is a validation error on {@code direction}. */
    public static Direction fromWire(String value) {
        return WireValue.parse(Direction.class, "direction", value);
    }
}
