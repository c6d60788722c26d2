package dev.messaging.conversation;

import dev.messaging.message.MessageChannel;
import java.time.Instant;
import java.util.Set;

/**
 * More filters of a conversation search (LeadConnector's search): assigned to any of
 * {@code assignees}; last message of one of {@code lastMessageTypes}; sort date (the last message's
 * date, or the creation date without one) from {@code from} (inclusive) until {@code until}
 * (exclusive); followed by any of {@code followers}; mentioning any of {@code mentions} (users named
 * in its internal notes); its last outbound message {@code lastMessageAction} (manual or automated).
 * Empty sets and nulls filter nothing.
 */
public record SearchFilters(Set<String> assignees, Set<MessageChannel> lastMessageTypes, Instant from, Instant until,
        Set<String> followers, Set<String> mentions, MessageAction lastMessageAction) {
    /** No filter. */
    public static final SearchFilters NONE = new SearchFilters(Set.of(), Set.of(), null, null);

    public SearchFilters {
        assignees = assignees == null ? Set.of() : Set.copyOf(assignees);
        lastMessageTypes = lastMessageTypes == null ? Set.of() : Set.copyOf(lastMessageTypes);
        followers = followers == null ? Set.of() : Set.copyOf(followers);
        mentions = mentions == null ? Set.of() : Set.copyOf(mentions);
    }

    /** The filters before followers, mentions and the last message's action. */
    public SearchFilters(Set<String> assignees, Set<MessageChannel> lastMessageTypes, Instant from, Instant until) {
        this(assignees, lastMessageTypes, from, until, Set.of(), Set.of(), null);
    }

    /** What a cursor is bound to. */
    String key() {
        return assignees.stream().sorted().toList() + "|" + lastMessageTypes.stream().map(MessageChannel::wireValue)
                .sorted().toList() + "|" + from + "|" + until + "|" + followers.stream().sorted().toList() + "|"
                + mentions.stream().sorted().toList() + "|" + lastMessageAction;
    }

    /** Whether {@code c} passes these filters (what a store's search query selects). */
    public boolean matches(Conversation c) {
        Instant date = SearchSort.LAST_MESSAGE_DATE.dateOf(c);
        return (assignees.isEmpty() || c.assignedTo() != null && assignees.contains(c.assignedTo()))
                && (lastMessageTypes.isEmpty() || c.lastMessageType() != null
                        && lastMessageTypes.contains(c.lastMessageType()))
                && (from == null || !date.isBefore(from))
                && (until == null || date.isBefore(until))
                && (followers.isEmpty() || c.followers().stream().anyMatch(followers::contains))
                && (mentions.isEmpty() || c.mentions().stream().anyMatch(mentions::contains))
                && (lastMessageAction == null || lastMessageAction == c.lastMessageAction());
    }
}
