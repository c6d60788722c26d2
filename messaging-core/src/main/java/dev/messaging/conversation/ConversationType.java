package dev.messaging.conversation;

import dev.messaging.common.WireValue;

/**
 * How a conversation was created (hotel API {@code conversationType}): "empty or guest". A null
 * type is the ordinary conversation; {@code GUEST} means the guest's name (from the contact) is
 * shown as the creator of the guest's messages.
 */
public enum ConversationType implements WireValue {
    GUEST("guest");

    private final String wire;

    ConversationType(String wire) {
        this.wire = wire;
    }

    @Override
    public String wireValue() {
        return wire;
    }

    /** Parses the wire value; null or empty is the ordinary conversation (null). */
    public static ConversationType fromWire(String value) {
        return value == null || value.isEmpty() ? null : WireValue.parse(ConversationType.class, "conversationType", value);
    }
}
