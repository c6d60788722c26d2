package dev.messaging.conversation;

import dev.messaging.common.WireValue;
import dev.messaging.message.AuthorType;
import dev.messaging.message.Direction;
import dev.messaging.message.Message;

/**
 * Whether a conversation's last outbound message was written by a person or sent by automation
 * (LeadConnector {@code lastMessageAction} / {@code lastOutboundMessageAction}): a user's message
 * is manual; the system's, or one a campaign sent, is automated.
 */
public enum MessageAction implements WireValue {
    MANUAL("manual"),
    AUTOMATED("automated");

    private final String wire;

    MessageAction(String wire) {
        this.wire = wire;
    }

    @Override
    public String wireValue() {
        return wire;
    }

    /**
     * The action of {@code m} when it is an outbound message to the customer, written live (not an
     * internal note, not imported): automated when the system wrote it or a campaign sent it, else
     * manual; null for any other message (it leaves a conversation's last action as it was).
     */
    public static MessageAction of(Message m) {
        if (m.direction() != Direction.OUTBOUND || Boolean.TRUE.equals(m.internal()) || m.imported()) {
            return null;
        }
        return m.authorType() == AuthorType.SYSTEM || m.links().fromCampaign() ? AUTOMATED : MANUAL;
    }

    /** Parses the exact wire value; anything else is a validation error on {@code lastMessageAction}. */
    public static MessageAction fromWire(String value) {
        return WireValue.parse(MessageAction.class, "lastMessageAction", value);
    }
}
