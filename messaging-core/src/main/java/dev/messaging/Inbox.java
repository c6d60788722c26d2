package dev.messaging;

import dev.messaging.common.Actor;
import dev.messaging.common.Page;
import dev.messaging.conversation.Conversation;
import dev.messaging.inbox.InboxEntry;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.kernel.Access;
import dev.messaging.kernel.Cursors;
import dev.messaging.kernel.Engine;
import dev.messaging.kernel.Validator;
import dev.messaging.message.Message;
import dev.messaging.spi.InboxRow;
import dev.messaging.spi.InboxSpec;
import dev.messaging.spi.PagePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The acting user's inbox: one {@link InboxEntry} per live conversation with a live message,
 * newest first (ties by conversation id), filtered and cursor-paged by {@link InboxQuery}. Paging
 * never repeats or skips a conversation that did not move; one that moved up appears on the next
 * fresh first page. Its cost follows the page size, not the number of messages.
 */
public final class Inbox {
    private final Engine engine;

    Inbox(Engine engine) {
        this.engine = engine;
    }

    /**
     * One page of the acting user's inbox (users only): one entry per live conversation with a live message,
     * newest first, with the user's thread state. A cursor reused with other filters is a {@code
     * ValidationException} on {@code after}. Its cost follows the page, not the messages stored.
     */
    public Page<InboxEntry> list(Actor actor, InboxQuery query) {
        Access.requireUser(actor, "have an inbox");
        Validator v = engine.validator();
        v.required("query", query);
        v.throwIfAny();
        v.required("view", query.view());
        v.id("assignee", query.assignee() == null ? null : query.assignee().userId());
        List<String> terms = v.searchTerms("query", query.query());
        int limit = v.limit("limit", query.limit(), 50);
        String filters = query.filterKey() + "|" + actor.userId();
        PagePosition after = Cursors.decode(v, "after", query.after(), filters);
        v.throwIfAny();
        Instant now = engine.now();
        return engine.read(actor, tx -> {
            // the horizon first only when the page filters by it: else after the page, which lets a
            // store read it with the page (PostgreSQL: one round trip fewer; RoundTripsTest)
            long horizon = query.onlyUnread() ? tx.allReadSeq(actor.userId()) : InboxSpec.HORIZON_UNUSED;
            InboxSpec spec = new InboxSpec(actor.userId(), horizon, query.view(), now, query.onlyUnread(),
                    query.onlyImportant(), query.assignee(), query.channel(), terms, after, limit + 1);
            List<InboxRow> rows = tx.inbox(spec);
            long allRead = query.onlyUnread() ? horizon : tx.allReadSeq(actor.userId());
            boolean hasMore = rows.size() > limit;
            long shopAllRead = tx.shopAllReadSeq();
            List<InboxEntry> entries = new ArrayList<>(Math.min(rows.size(), limit));
            for (InboxRow row : hasMore ? rows.subList(0, limit) : rows) {
                Conversation c = row.conversation().conversation();
                // a last message the store cannot read back is left out of its row (the store logs it)
                Message last = row.lastMessage() == null ? null
                        : MessageViews.present(row.lastMessage(), row.conversation(), shopAllRead);
                entries.add(new InboxEntry(c, last,
                        ThreadViews.view(tx, row.conversation(), row.thread(), actor.userId(), allRead, row.facts()),
                        c.contact(), last == null ? null : last.order().orderId(),
                        last == null ? null : last.order().orderNumber()));
            }
            Long total = query.countTotal() ? tx.countInbox(spec) : null;
            return Cursors.page(entries, hasMore, false,
                    e -> new PagePosition(e.conversation().lastMessageDate(), e.conversation().id()), filters, total);
        });
    }
}
