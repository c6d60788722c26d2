package dev.messaging.conversation;

import dev.messaging.common.WireValue;
import dev.messaging.error.ValidationException;

/**
 * A conversation's primary channel (LeadConnector {@code type}), with its wire name and the
 * numeric code LeadConnector's GetConversationByIdResponse uses.
 */
public enum ConversationChannel implements WireValue {
    TYPE_PHONE(1),
    TYPE_EMAIL(2),
    TYPE_FB_MESSENGER(3),
    TYPE_REVIEW(4),
    TYPE_GROUP_SMS(5),
    TYPE_INTERNAL_CHAT(6);

    private final int code;

    ConversationChannel(int code) {
        this.code = code;
    }

    @Override
    public String wireValue() {
        return name();
    }

    /** 1 Phone, 2 Email, 3 Facebook Messenger, 4 Review, 5 Group SMS, 6 Internal Chat. */
    public int code() {
        return code;
    }

    /** Parses the exact wire name; anything else is a validation error on {@code type}. */
    public static ConversationChannel fromWire(String value) {
        return WireValue.parse(ConversationChannel.class, "type", value);
    }

    /** Parses the numeric code; anything outside 1..6 is a validation error on {@code type}. */
    public static ConversationChannel fromCode(int code) {
        for (ConversationChannel channel : values()) {
            if (channel.code == code) {
                return channel;
            }
        }
        throw ValidationException.of("type", "unknown code " + code + ", expected 1..6");
    }
}
