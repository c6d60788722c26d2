package dev.messaging.conversation;

import dev.messaging.message.Direction;
import dev.messaging.message.MessageChannel;
import java.time.Instant;
import java.util.Set;

/**
 * A conversation search (LeadConnector "search conversations"): filters by contact, assignee,
 * status for the acting user, last message direction and text; sorted by {@link SearchSort}
 * ascending or descending; paged by the opaque cursor of the previous page ({@code after}, LeadConnector {@code startAfter}); {@code total} counted
 * only when asked. Start from {@link #all()}.
 */
public record ConversationQuery(
        String contactId,
        AssigneeFilter assignee,
        SearchStatus status,
        Direction lastMessageDirection,
        String query,
        SearchSort sort,
        boolean descending,
        String after,
        Integer limit,
        boolean countTotal,
        boolean withDeleted,
        SearchFilters filters) {

    public ConversationQuery {
        filters = filters == null ? SearchFilters.NONE : filters;
    }

    /** A search without the filters of {@link SearchFilters} (the fields before they were added). */
    public ConversationQuery(String contactId, AssigneeFilter assignee, SearchStatus status,
            Direction lastMessageDirection, String query, SearchSort sort, boolean descending, String after,
            Integer limit, boolean countTotal, boolean withDeleted) {
        this(contactId, assignee, status, lastMessageDirection, query, sort, descending, after, limit, countTotal,
                withDeleted, SearchFilters.NONE);
    }

    /** Every live conversation, newest message first, 50 a page. */
    public static ConversationQuery all() {
        return new ConversationQuery(null, null, SearchStatus.ALL, null, null, SearchSort.LAST_MESSAGE_DATE, true,
                null, null, false, false);
    }

    /** Only the conversations of {@code customerId}. */
    public ConversationQuery contact(String customerId) {
        return new ConversationQuery(customerId, assignee, status, lastMessageDirection, query, sort, descending,
                after, limit, countTotal, withDeleted, filters);
    }

    /** Only those assigned to a user, or unassigned. */
    public ConversationQuery assignee(AssigneeFilter value) {
        return new ConversationQuery(contactId, value, status, lastMessageDirection, query, sort, descending,
                after, limit, countTotal, withDeleted, filters);
    }

    /** Only those of a status: all, read, unread, starred, recents. */
    public ConversationQuery status(SearchStatus value) {
        return new ConversationQuery(contactId, assignee, value, lastMessageDirection, query, sort, descending,
                after, limit, countTotal, withDeleted, filters);
    }

    /** Only those whose last message went this way. */
    public ConversationQuery lastMessageDirection(Direction value) {
        return new ConversationQuery(contactId, assignee, status, value, query, sort, descending,
                after, limit, countTotal, withDeleted, filters);
    }

    /** Only those whose messages or contact match {@code text}, by word prefix, case and accents folded. */
    public ConversationQuery query(String text) {
        return new ConversationQuery(contactId, assignee, status, lastMessageDirection, text, sort, descending,
                after, limit, countTotal, withDeleted, filters);
    }

    /** Sorted by {@code by}, descending or ascending (ties by id). */
    public ConversationQuery sort(SearchSort by, boolean desc) {
        return new ConversationQuery(contactId, assignee, status, lastMessageDirection, query, by, desc,
                after, limit, countTotal, withDeleted, filters);
    }

    /** The page after {@code cursor} (a previous page's {@code nextCursor}; LeadConnector {@code startAfter}). */
    public ConversationQuery after(String cursor) {
        return new ConversationQuery(contactId, assignee, status, lastMessageDirection, query, sort, descending,
                cursor, limit, countTotal, withDeleted, filters);
    }

    /** Up to {@code value} (1..100) conversations a page. */
    public ConversationQuery limit(Integer value) {
        return new ConversationQuery(contactId, assignee, status, lastMessageDirection, query, sort, descending,
                after, value, countTotal, withDeleted, filters);
    }

    /** Counts every match too (a scan: opt in only where the total is shown). */
    public ConversationQuery withTotal() {
        return new ConversationQuery(contactId, assignee, status, lastMessageDirection, query, sort, descending,
                after, limit, true, withDeleted, filters);
    }

    /** Deleted conversations too. */
    public ConversationQuery includeDeleted() {
        return new ConversationQuery(contactId, assignee, status, lastMessageDirection, query, sort, descending,
                after, limit, countTotal, true, filters);
    }

    /**
     * Only conversations assigned to one of these users (LeadConnector's several assignees; with
     * {@link #assignee}, both hold).
     */
    public ConversationQuery assignees(String... userIds) {
        return new ConversationQuery(contactId, assignee, status, lastMessageDirection, query, sort, descending,
                after, limit, countTotal, withDeleted, new SearchFilters(Set.of(userIds), filters.lastMessageTypes(),
                        filters.from(), filters.until(), filters.followers(), filters.mentions(),
                        filters.lastMessageAction()));
    }

    /** Only those whose last message is of one of these types. */
    public ConversationQuery lastMessageTypes(MessageChannel... types) {
        return new ConversationQuery(contactId, assignee, status, lastMessageDirection, query, sort, descending,
                after, limit, countTotal, withDeleted, new SearchFilters(filters.assignees(), Set.of(types),
                        filters.from(), filters.until(), filters.followers(), filters.mentions(),
                        filters.lastMessageAction()));
    }

    /** Only those whose sort date is from {@code from} (inclusive) until {@code until} (exclusive); null: open. */
    public ConversationQuery between(Instant from, Instant until) {
        return new ConversationQuery(contactId, assignee, status, lastMessageDirection, query, sort, descending,
                after, limit, countTotal, withDeleted, new SearchFilters(filters.assignees(),
                        filters.lastMessageTypes(), from, until, filters.followers(), filters.mentions(),
                        filters.lastMessageAction()));
    }

    /** Only conversations one of these users follows (LeadConnector's {@code followers}). */
    public ConversationQuery followers(String... userIds) {
        return filters(new SearchFilters(filters.assignees(), filters.lastMessageTypes(), filters.from(),
                filters.until(), Set.of(userIds), filters.mentions(), filters.lastMessageAction()));
    }

    /** Only conversations whose internal notes mention one of these users. */
    public ConversationQuery mentions(String... userIds) {
        return filters(new SearchFilters(filters.assignees(), filters.lastMessageTypes(), filters.from(),
                filters.until(), filters.followers(), Set.of(userIds), filters.lastMessageAction()));
    }

    /** Only conversations whose last outbound message was manual (or automated); null: either. */
    public ConversationQuery lastMessageAction(MessageAction value) {
        return filters(new SearchFilters(filters.assignees(), filters.lastMessageTypes(), filters.from(),
                filters.until(), filters.followers(), filters.mentions(), value));
    }

    private ConversationQuery filters(SearchFilters value) {
        return new ConversationQuery(contactId, assignee, status, lastMessageDirection, query, sort, descending,
                after, limit, countTotal, withDeleted, value);
    }

    /** What a cursor is bound to: everything but the cursor, limit and total. */
    public String filterKey() {
        return String.join("|", "search", String.valueOf(contactId), String.valueOf(assignee), String.valueOf(status),
                String.valueOf(lastMessageDirection), String.valueOf(query), String.valueOf(sort),
                String.valueOf(descending), String.valueOf(withDeleted), filters.key());
    }
}
