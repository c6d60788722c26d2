package dev.messaging.message;

import dev.messaging.common.WireValue;

/** The channel of one message (LeadConnector {@code lastMessageType}). */
public enum MessageChannel implements WireValue {
    TYPE_SMS("TYPE_SMS"),
    TYPE_CALL("TYPE_CALL"),
    TYPE_EMAIL("TYPE_EMAIL"),
    TYPE_FB_MESSENGER("TYPE_FB_MESSENGER"),
    TYPE_REVIEW("TYPE_REVIEW"),
    TYPE_GROUP_SMS("TYPE_GROUP_SMS"),
    TYPE_INTERNAL_COMMENT("TYPE_INTERNAL_COMMENT"),
    TYPE_WEBCHAT("TYPE_WEBCHAT"),
    TYPE_INSTAGRAM("TYPE_INSTAGRAM"),
    TYPE_WHATSAPP("TYPE_WHATSAPP");

    private final String wire;

    MessageChannel(String wire) {
        this.wire = wire;
    }

    @Override
    public String wireValue() {
        return wire;
    }

    /** Parses the exact wire value; anything else is a validation error on {@code channel}. */
    public static MessageChannel fromWire(String value) {
        return WireValue.parse(MessageChannel.class, "channel", value);
    }
}
