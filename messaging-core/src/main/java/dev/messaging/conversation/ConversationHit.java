package dev.messaging.conversation;

import dev.messaging.thread.ThreadMetadata;

/** One search result: a conversation and the acting user's thread state of it (for {@code unreadCount}, {@code starred}). */
public record ConversationHit(Conversation conversation, ThreadMetadata thread) {
}
