package dev.messaging.conversation;

import dev.messaging.message.Message;

/** A conversation started together with its first message ({@code Conversations.start}). */
public record GuestConversation(Conversation conversation, Message message) {
}
