package dev.messaging.message;

import dev.messaging.common.WireValue;

/** Whom an email reply answers (LeadConnector {@code emailReplyMode}): the sender, or everyone on the email. */
public enum EmailReplyMode implements WireValue {
    REPLY("reply"),
    REPLY_ALL("reply_all");

    private final String wire;

    EmailReplyMode(String wire) {
        this.wire = wire;
    }

    @Override
    public String wireValue() {
        return wire;
    }

    /** Parses the exact wire value; anything else is a validation error on {@code emailReplyMode}. */
    public static EmailReplyMode fromWire(String value) {
        return WireValue.parse(EmailReplyMode.class, "emailReplyMode", value);
    }
}
