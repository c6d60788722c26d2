package dev.messaging.inbox;

import dev.messaging.conversation.AssigneeFilter;
import dev.messaging.conversation.ConversationChannel;

/**
 * What part of the acting user's inbox to list: the view, the five filters (unread only,
 * important only, assignee, channel, text query), the page size (1..100, default 50), the cursor
 * of the previous page ({@code after}), and whether to count the total. Start from {@link #all()}.
 */
public record InboxQuery(
        InboxView view,
        boolean onlyUnread,
        boolean onlyImportant,
        AssigneeFilter assignee,
        ConversationChannel channel,
        String query,
        Integer limit,
        String after,
        boolean countTotal) {

    /** The default inbox view, no filters, 50 a page. */
    public static InboxQuery all() {
        return new InboxQuery(InboxView.INBOX, false, false, null, null, null, null, null, false);
    }

    /** Which conversations: the inbox (default), the archived, the snoozed, or all. */
    public InboxQuery view(InboxView value) {
        return new InboxQuery(value, onlyUnread, onlyImportant, assignee, channel, query, limit, after, countTotal);
    }

    /** Only conversations with a customer message the user has not read. */
    public InboxQuery unreadOnly() {
        return new InboxQuery(view, true, onlyImportant, assignee, channel, query, limit, after, countTotal);
    }

    /** Only conversations the user starred. */
    public InboxQuery importantOnly() {
        return new InboxQuery(view, onlyUnread, true, assignee, channel, query, limit, after, countTotal);
    }

    /** Only those assigned to a user, or unassigned. */
    public InboxQuery assignee(AssigneeFilter value) {
        return new InboxQuery(view, onlyUnread, onlyImportant, value, channel, query, limit, after, countTotal);
    }

    /** Only those of a primary channel. */
    public InboxQuery channel(ConversationChannel value) {
        return new InboxQuery(view, onlyUnread, onlyImportant, assignee, value, query, limit, after, countTotal);
    }

    /** Only those whose messages or contact match {@code text}, by word prefix, case and accents folded. */
    public InboxQuery query(String text) {
        return new InboxQuery(view, onlyUnread, onlyImportant, assignee, channel, text, limit, after, countTotal);
    }

    /** Up to {@code value} (1..100) rows a page (default 50). */
    public InboxQuery limit(Integer value) {
        return new InboxQuery(view, onlyUnread, onlyImportant, assignee, channel, query, value, after, countTotal);
    }

    /** The page after {@code cursor} (a previous page's {@code nextCursor}). */
    public InboxQuery after(String value) {
        return new InboxQuery(view, onlyUnread, onlyImportant, assignee, channel, query, limit, value, countTotal);
    }

    /** Counts every match too (a scan: opt in only where the total is shown). */
    public InboxQuery withTotal() {
        return new InboxQuery(view, onlyUnread, onlyImportant, assignee, channel, query, limit, after, true);
    }

    /** What a cursor is bound to: the view and filters, not the after, limit or total. */
    public String filterKey() {
        return String.join("|", "inbox", String.valueOf(view), String.valueOf(onlyUnread),
                String.valueOf(onlyImportant), String.valueOf(assignee), String.valueOf(channel), String.valueOf(query));
    }
}
