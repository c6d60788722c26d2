package dev.messaging.spi;

import dev.messaging.conversation.Conversation;

/** A stored conversation: the record and its {@link CustomerMessageCounters}. */
public record ConversationRow(Conversation conversation, CustomerMessageCounters counters) {

    public String id() {
        return conversation.id();
    }

    public ConversationRow with(Conversation changed) {
        return new ConversationRow(changed, counters);
    }

    public ConversationRow with(CustomerMessageCounters changed) {
        return new ConversationRow(conversation, changed);
    }
}
