package dev.messaging.conversation;

import dev.messaging.common.WireValue;

/** A conversation's workflow status; snoozed wakes when snoozedUntil passes or the customer writes. */
public enum ConversationStatus implements WireValue {
    OPEN("open"),
    CLOSED("closed"),
    SNOOZED("snoozed");

    private final String wire;

    ConversationStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wireValue() {
        return wire;
    }

    /** Parses the exact wire value; anything else is a validation error on {@code status}. */
    public static ConversationStatus fromWire(String value) {
        return WireValue.parse(ConversationStatus.class, "status", value);
    }
}
