package dev.messaging.message;

import dev.messaging.common.WireValue;

/** Who authored a message; taken from the acting {@code Actor}. */
public enum AuthorType implements WireValue {
    CUSTOMER("Customer"),
    USER("User"),
    SYSTEM("System");

    private final String wire;

    AuthorType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wireValue() {
        return wire;
    }

    /** Parses the exact wire value; anything else is a validation error on {@code authorType}. */
    public static AuthorType fromWire(String value) {
        return WireValue.parse(AuthorType.class, "authorType", value);
    }
}
