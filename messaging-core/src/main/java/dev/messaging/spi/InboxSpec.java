package dev.messaging.spi;

import dev.messaging.conversation.AssigneeFilter;
import dev.messaging.conversation.ConversationChannel;
import dev.messaging.inbox.InboxView;
import java.time.Instant;
import java.util.List;

/**
 * An inbox query as the store runs it: live conversations with a last message, ordered by
 * (lastMessageDate desc, id desc), after {@code after} when set, at most {@code limit} rows.
 *
 * <p>Definitions the store applies (T the user's {@link ThreadRow}, zeros when absent; C the
 * conversation's {@link CustomerMessageCounters}; A = {@code allReadSeq}):
 * <ul>
 * <li>archived: conversation.archived, or T.archivedSeq &gt; 0 and T.archivedSeq &gt;=
 *     C.lastCustomerFeedSeq;</li>
 * <li>snoozed: status SNOOZED and snoozedUntil &gt; {@code now};</li>
 * <li>unread: C.lastLiveCustomerNumber &gt; T.readNumber and (T.readFeedSeq &gt;= A or
 *     C.lastLiveCustomerFeedSeq &gt; A);</li>
 * <li>text: every term is a prefix of a token (see {@code TextTokens}) of one document of the
 *     conversation — the text of one live message, or its contact's names, email and phone.</li>
 * </ul>
 * Null filters match everything; an empty term list is no text filter. A is read by core before
 * the page only when the page filters by it ({@code unreadOnly}); else it is
 * {@link #HORIZON_UNUSED} and core asks for it after the page (a store may read it with the page).
 */
public record InboxSpec(
        String userId,
        long allReadSeq,
        InboxView view,
        Instant now,
        boolean unreadOnly,
        boolean importantOnly,
        AssigneeFilter assignee,
        ConversationChannel channel,
        List<String> textTerms,
        PagePosition after,
        int limit) {

    /** The {@code allReadSeq} of a spec that does not filter by it (core reads it after the page). */
    public static final long HORIZON_UNUSED = -1;

    public InboxSpec {
        textTerms = List.copyOf(textTerms);
    }
}
