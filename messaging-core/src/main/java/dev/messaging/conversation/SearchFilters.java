package dev.messaging.conversation;

import dev.messaging.message.MessageChannel;
import java.time.Instant;
import java.util.Set;

/**
 * More filters of a conversation search (LeadConnector's search): assigned to any of
 * {@code assignees}; last message of one of {@code lastMessageTypes}; sort date (the last message's
 * date, or the creation date without one) from {@code from} (inclusive) until {@code until}
 * (exclusive). Empty sets and null dates filter nothing.
 */
public record SearchFilters(Set<String> assignees, Set<MessageChannel> lastMessageTypes, Instant from, Instant until) {
    /** No filter. */
    public static final SearchFilters NONE = new SearchFilters(Set.of(), Set.of(), null, null);

    public SearchFilters {
        assignees = assignees == null ? Set.of() : Set.copyOf(assignees);
        lastMessageTypes = lastMessageTypes == null ? Set.of() : Set.copyOf(lastMessageTypes);
    }

    /** What a cursor is bound to. */
    String key() {
        return assignees.stream().sorted().toList() + "|" + lastMessageTypes.stream().map(MessageChannel::wireValue)
                .sorted().toList() + "|" + from + "|" + until;
    }
}
