package dev.messaging.spi;

/** A conversation with the acting user's thread row (null if never stored) and its last message (null if none). */
public record InboxRow(ConversationRow conversation, ThreadRow thread, MessageRow lastMessage) {
}
