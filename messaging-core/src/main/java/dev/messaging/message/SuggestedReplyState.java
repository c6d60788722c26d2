package dev.messaging.message;

import dev.messaging.common.WireValue;

/** How much of a suggested reply the user took. */
public enum SuggestedReplyState implements WireValue {
    NONE("None"),
    PARTIAL("Partial"),
    FULL("Full");

    private final String wire;

    SuggestedReplyState(String wire) {
        this.wire = wire;
    }

    @Override
    public String wireValue() {
        return wire;
    }

    /** Parses the exact wire value; anything else is a validation error on {@code suggestedReplyState}. */
    public static SuggestedReplyState fromWire(String value) {
        return WireValue.parse(SuggestedReplyState.class, "suggestedReplyState", value);
    }
}
