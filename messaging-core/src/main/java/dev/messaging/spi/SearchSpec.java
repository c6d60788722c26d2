package dev.messaging.spi;

import dev.messaging.conversation.AssigneeFilter;
import dev.messaging.conversation.SearchFilters;
import dev.messaging.conversation.SearchSort;
import dev.messaging.conversation.SearchStatus;
import dev.messaging.message.Direction;
import java.util.List;

/**
 * A conversation search as the store runs it, ordered by the sort key then id, both ascending
 * or both descending, after {@code after} when set. The LAST_MESSAGE_DATE key is
 * lastMessageDate, or createdDate when there is no message. Deleted conversations only with
 * {@code includeDeleted}. Status and text are defined as in {@link InboxSpec}; STARRED is the
 * thread's important flag; RECENTS is "has a last message". {@code filters}: assigned to one of
 * its assignees, a last message of one of its types, a sort date in its range (see
 * {@link SearchFilters}).
 */
public record SearchSpec(
        String userId,
        long allReadSeq,
        String customerId,
        AssigneeFilter assignee,
        SearchStatus status,
        Direction lastMessageDirection,
        List<String> textTerms,
        SearchSort sort,
        boolean descending,
        PagePosition after,
        boolean includeDeleted,
        int limit,
        SearchFilters filters) {

    public SearchSpec {
        textTerms = List.copyOf(textTerms);
    }
}
