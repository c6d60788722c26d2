package dev.messaging.conversation;

/**
 * What conversation search sorts by. {@code LAST_MESSAGE_DATE} sorts a conversation without
 * messages by its createdDate, so that every conversation has a place in the order.
 */
public enum SearchSort {
    LAST_MESSAGE_DATE, CREATED_DATE
}
