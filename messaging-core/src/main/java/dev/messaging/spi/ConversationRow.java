package dev.messaging.spi;

import dev.messaging.conversation.Conversation;

/** A stored conversation: the record and its {@link CustomerMessageCounters}. */
public record ConversationRow(Conversation conversation, CustomerMessageCounters counters) {

    /** The conversation's id. */
    public String id() {
        return conversation.id();
    }

    /** The same counters with {@code changed}. */
    public ConversationRow with(Conversation changed) {
        return new ConversationRow(changed, counters);
    }

    /** The same conversation with {@code changed} counters. */
    public ConversationRow with(CustomerMessageCounters changed) {
        return new ConversationRow(conversation, changed);
    }
}
