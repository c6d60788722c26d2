package dev.messaging.message;

import dev.messaging.common.WireValue;

/** What an order-share message shares. */
public enum OrderShareType implements WireValue {
    INSPECTION("Inspection"),
    ORDER("Order");

    private final String wire;

    OrderShareType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wireValue() {
        return wire;
    }

    /** Parses the exact wire value; anything else is a validation error on {@code orderShareType}. */
    public static OrderShareType fromWire(String value) {
        return WireValue.parse(OrderShareType.class, "orderShareType", value);
    }
}
