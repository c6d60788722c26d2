package dev.messaging.conversation;

/**
 * The LeadConnector search {@code status}, for the acting user: all; read (nothing unread);
 * unread; starred (the user's important flag); recents (conversations that have a message).
 */
public enum SearchStatus {
    ALL, READ, UNREAD, STARRED, RECENTS
}
