package dev.messaging.conversation;

import java.time.Instant;

/**
 * What conversation search sorts by. {@code LAST_MESSAGE_DATE} sorts a conversation without
 * messages by its createdDate, and {@code LAST_MANUAL_MESSAGE_DATE} (LeadConnector's
 * {@code last_manual_message_date}) one without a manual message likewise, so that every
 * conversation has a place in the order.
 */
public enum SearchSort {
    LAST_MESSAGE_DATE, CREATED_DATE, LAST_MANUAL_MESSAGE_DATE;

    /** The date {@code c} sorts by. */
    public Instant dateOf(Conversation c) {
        Instant date = switch (this) {
            case CREATED_DATE -> null;
            case LAST_MESSAGE_DATE -> c.lastMessageDate();
            case LAST_MANUAL_MESSAGE_DATE -> c.lastManualMessageDate();
        };
        return date != null ? date : c.createdDate();
    }
}
