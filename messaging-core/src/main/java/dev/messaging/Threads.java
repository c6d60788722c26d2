package dev.messaging;

import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Actor;
import dev.messaging.common.ChangeMeta;
import dev.messaging.error.ForbiddenException;
import dev.messaging.error.NotFoundException;
import dev.messaging.error.ValidationException;
import dev.messaging.inbox.InboxView;
import dev.messaging.kernel.Access;
import dev.messaging.kernel.Changes;
import dev.messaging.kernel.Engine;
import dev.messaging.kernel.Validator;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.CustomerMessageCounters;
import dev.messaging.spi.Horizons;
import dev.messaging.spi.InboxRow;
import dev.messaging.spi.InboxSpec;
import dev.messaging.spi.StoreTransaction;
import dev.messaging.spi.ThreadRow;
import dev.messaging.thread.ThreadMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The acting user's threads: find, markRead, markUnread, markAllRead, setImportant,
 * setArchived, unreadTotal. Only users have threads, and a user may change only their own:
 * another user's thread id is forbidden.
 *
 * <p>No write per user or per message read: a user's state is a few horizons (see
 * {@link ThreadViews}); markRead writes one thread row and the conversation's shop-read horizon,
 * markAllRead one row for the user.
 */
public final class Threads {
    private static final String ENTITY = "thread";
    private final Engine engine;

    Threads(Engine engine) {
        this.engine = engine;
    }

    /** The id of the acting user's thread of a conversation (the thread exists for every user). */
    public String threadId(Actor actor, String conversationId) {
        Access.requireUser(actor, "have threads");
        engine.requireTargetId("conversationId", conversationId);
        return ThreadViews.threadId(conversationId, actor.userId());
    }

    /** The acting user's thread of a conversation (one call: {@link #threadId} and {@link #find} together). */
    public ThreadMetadata forConversation(Actor actor, String conversationId) {
        return find(actor, threadId(actor, conversationId));
    }

    /** The acting user's thread; another user's thread id is forbidden, an unknown one not found. */
    public ThreadMetadata find(Actor actor, String threadId) {
        String conversationId = conversationOf(actor, threadId);
        return engine.read(actor, tx -> view(tx, actor, load(tx, conversationId, threadId)));
    }

    /** Sets the user's unread count to 0 and marks the thread's customer messages shopRead. */
    public ThreadMetadata markRead(Actor actor, String threadId) {
        return change(actor, threadId, Operation.READ, (tx, row, thread, seq) -> {
            CustomerMessageCounters c = row.counters();
            if (c.shopReadNumber() < c.customerCount()) {
                ConversationRows.saveDerived(tx, row.with(c.withShopReadNumber(c.customerCount())));
            }
            return thread.withRead(c.customerCount(), seq);
        }, (tx, row, thread) -> ThreadViews.hasUnread(tx, row, thread, tx.allReadSeq(actor.userId())));
    }

    /**
     * Moves the user's read horizon back to just before the newest live customer message (never
     * forward), so the count is at least 1; with no live customer message nothing changes.
     */
    public ThreadMetadata markUnread(Actor actor, String threadId) {
        return change(actor, threadId, Operation.UNREAD, (tx, row, thread, seq) -> thread.withRead(
                row.counters().lastLiveCustomerNumber() - 1, seq),
                (tx, row, thread) -> {
                    int newest = row.counters().lastLiveCustomerNumber();
                    return newest > 0
                            && ThreadViews.horizon(tx, row, thread, tx.allReadSeq(actor.userId())) >= newest;
                });
    }

    /**
     * Sets the count the LeadConnector way ({@code unreadCount} of UpdateConversationDto): 0 marks
     * the thread read, 1 marks it unread; any other value is a validation error.
     */
    public ThreadMetadata setUnreadCount(Actor actor, String threadId, int unreadCount) {
        return switch (unreadCount) {
            case 0 -> markRead(actor, threadId);
            case 1 -> markUnread(actor, threadId);
            default -> throw ValidationException.of("unreadCount", "must be 0 (read) or 1 (unread), was " + unreadCount);
        };
    }

    /** Stars (or unstars) the conversation for the acting user only; forbidden on another user's thread. */
    public ThreadMetadata setImportant(Actor actor, String threadId, boolean important) {
        return change(actor, threadId, Operation.UPDATE, (tx, row, thread, seq) -> thread.withImportant(important),
                (tx, row, thread) -> thread.important() != important);
    }

    /** Mutes (or unmutes) the conversation for the user: no notification of its customer messages. */
    public ThreadMetadata setMuted(Actor actor, String threadId, boolean muted) {
        return change(actor, threadId, Operation.UPDATE, (tx, row, thread, seq) -> thread.withMuted(muted),
                (tx, row, thread) -> thread.muted() != muted);
    }

    /** The user's own archive; a later customer message clears it. */
    public ThreadMetadata setArchived(Actor actor, String threadId, boolean archived) {
        return change(actor, threadId, Operation.UPDATE, (tx, row, thread, seq) -> thread.withArchivedSeq(archived ? seq : 0),
                (tx, row, thread) -> Horizons.isUserArchived(row.counters(), thread) != archived);
    }

    /** Marks every thread of the location read for the acting user, in one write and one change. */
    public void markAllRead(Actor actor) {
        Access.requireUser(actor, "mark threads read");
        Instant now = engine.now();
        engine.write(actor, tx -> {
            long seq = Changes.record(tx, actor, now, EntityType.THREAD, actor.userId(), 0,
                    Operation.READ_ALL, null, Map.of()).sequence();
            tx.saveAllReadSeq(actor.userId(), seq);
            return null;
        });
    }

    /** The unread badge: the sum of the user's unread counts over the threads their inbox shows. */
    public long unreadTotal(Actor actor) {
        Access.requireUser(actor, "have threads");
        Instant now = engine.now();
        return engine.read(actor, tx -> {
            long allRead = tx.allReadSeq(actor.userId());
            List<InboxRow> rows = tx.inbox(new InboxSpec(actor.userId(), allRead, InboxView.INBOX, now, true, false,
                    null, null, List.of(), null, Integer.MAX_VALUE));
            long total = 0;
            for (InboxRow row : rows) {
                total += ThreadViews.view(tx, row.conversation(), row.thread(), actor.userId(), allRead, row.facts())
                        .unreadMessagesCount();
            }
            return total;
        });
    }

    /** Computes a thread row's replacement, given the feed sequence of this change. */
    private interface Edit {
        ThreadRow apply(StoreTransaction tx, ConversationRow row, ThreadRow thread, long seq);
    }

    /** Whether the edit changes anything (if not, nothing is written and no change is recorded). */
    private interface Needed {
        boolean test(StoreTransaction tx, ConversationRow row, ThreadRow thread);
    }

    private ThreadMetadata change(Actor actor, String threadId, Operation operation, Edit edit, Needed needed) {
        String conversationId = conversationOf(actor, threadId);
        Instant now = engine.now();
        return engine.write(actor, tx -> {
            ConversationRow row = load(tx, conversationId, threadId);
            ThreadRow stored = tx.findThread(conversationId, actor.userId()).orElse(null);
            ThreadRow current = stored != null ? stored
                    : ThreadRow.untouched(conversationId, actor.userId(), row.conversation().createdDate());
            if (!needed.test(tx, row, current)) {
                return ThreadViews.view(tx, row, stored, actor.userId(), tx.allReadSeq(actor.userId()));
            }
            long version = current.meta().version() + 1;
            long seq = Changes.record(tx, actor, now, EntityType.THREAD, threadId, version, operation,
                    row.conversation().customerId(), Map.of()).sequence();
            ConversationRow latest = tx.findConversation(conversationId).orElseThrow();
            ThreadRow edited = edit.apply(tx, latest, current, seq);
            ThreadRow saved = edited.savedAt(now, current.meta().next(actor.userId(), actor.sessionId()));
            if (!tx.saveThread(saved, stored == null ? 0 : stored.meta().version())) {
                throw new IllegalStateException("thread " + threadId + " changed inside a serialized transaction");
            }
            return ThreadViews.view(tx, tx.findConversation(conversationId).orElseThrow(), saved, actor.userId(),
                    tx.allReadSeq(actor.userId()));
        });
    }

    private static ThreadMetadata view(StoreTransaction tx, Actor actor, ConversationRow row) {
        ThreadRow thread = tx.findThread(row.id(), actor.userId()).orElse(null);
        return ThreadViews.view(tx, row, thread, actor.userId(), tx.allReadSeq(actor.userId()));
    }

    /** The conversation id of a thread id; another user's thread is forbidden, a bad id not found. */
    private String conversationOf(Actor actor, String threadId) {
        Access.requireUser(actor, "have threads");
        Validator v = engine.validator();
        v.required("threadId", threadId);
        v.shortText("threadId", threadId);
        v.throwIfAny();
        String[] parts = ThreadViews.parseThreadId(threadId)
                .orElseThrow(() -> new NotFoundException(ENTITY, threadId));
        if (!parts[1].equals(actor.userId())) {
            throw new ForbiddenException("a user may act only on their own threads");
        }
        return parts[0];
    }

    private static ConversationRow load(StoreTransaction tx, String conversationId, String threadId) {
        return tx.findConversation(conversationId).orElseThrow(() -> new NotFoundException(ENTITY, threadId));
    }
}
