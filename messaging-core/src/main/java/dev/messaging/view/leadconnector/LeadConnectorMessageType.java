package dev.messaging.view.leadconnector;

import dev.messaging.message.MessageChannel;

/**
 * A domain message type as LeadConnector writes it ({@code lastMessageType}): its own wire value,
 * except the design's two types LeadConnector has no word for — {@code TYPE_FB_MESSENGER} is its
 * {@code TYPE_FACEBOOK}, {@code TYPE_GROUP_SMS} its {@code TYPE_SMS}. A type the library does not
 * know goes out as it came in.
 */
final class LeadConnectorMessageType {
    private LeadConnectorMessageType() {
    }

    static String of(MessageChannel type) {
        if (type == null) {
            return null;
        }
        if (type.equals(MessageChannel.TYPE_FB_MESSENGER)) {
            return MessageChannel.TYPE_FACEBOOK.wireValue();
        }
        if (type.equals(MessageChannel.TYPE_GROUP_SMS)) {
            return MessageChannel.TYPE_SMS.wireValue();
        }
        return type.wireValue();
    }
}
