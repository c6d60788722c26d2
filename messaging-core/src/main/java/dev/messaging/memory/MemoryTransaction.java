package dev.messaging.memory;

import dev.messaging.change.Change;
import dev.messaging.common.Tenant;
import dev.messaging.conversation.Conversation;
import dev.messaging.delivery.Delivery;
import dev.messaging.message.Message;
import dev.messaging.notification.NotificationConfig;
import dev.messaging.outlet.Outlet;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.DuplicateIdException;
import dev.messaging.spi.ExportSpec;
import dev.messaging.spi.Horizons;
import dev.messaging.spi.InboxRow;
import dev.messaging.spi.InboxSpec;
import dev.messaging.spi.MessageListSpec;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.OutboxStore;
import dev.messaging.spi.PagePosition;
import dev.messaging.spi.SearchSpec;
import dev.messaging.spi.StoreTransaction;
import dev.messaging.spi.ThreadRow;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A unit of work on one tenant's {@link TenantData}, run under the tenant's lock. Each write
 * pushes its inverse on an undo stack; {@link #rollback()} pops them all, so a failed transaction
 * leaves no trace.
 */
final class MemoryTransaction implements StoreTransaction {
    private final Tenant tenant;
    private final TenantData data;
    private final boolean writable;
    /** Rows read in this transaction; the store adds them to its count once, at the end (not an atomic add per lookup). */
    private long rowsTouched;
    private final Deque<Runnable> undo = new ArrayDeque<>();
    private final MemoryOutbox outbox;

    MemoryTransaction(Tenant tenant, TenantData data, boolean writable, DueIndex due, EarlyReports early) {
        this.tenant = tenant;
        this.data = data;
        this.writable = writable;
        this.outbox = new MemoryOutbox(this, tenant, data, due, early);
    }

    /** Pushes the inverse of a write, run by {@link #rollback()}. */
    void onRollback(Runnable inverse) {
        undo.push(inverse);
    }

    void rollback() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }

    @Override
    public Tenant tenant() {
        return tenant;
    }

    // --- writes, each with its undo -------------------------------------------------------

    void checkWritable() {
        if (!writable) {
            throw new IllegalStateException("write in a read-only transaction");
        }
    }

    private void writeConversation(String id, ConversationRow row) {
        checkWritable();
        ConversationRow old = data.putConversation(id, row);
        undo.push(() -> data.putConversation(id, old));
    }

    private void writeMessage(String id, MessageRow row) {
        checkWritable();
        MessageRow old = data.putMessage(id, row);
        undo.push(() -> data.putMessage(id, old));
    }

    private void writeThread(String conversationId, String userId, ThreadRow row) {
        checkWritable();
        ThreadRow old = data.putThread(conversationId, userId, row);
        undo.push(() -> data.putThread(conversationId, userId, old));
    }

    private void writeChange(long sequence, Change change) {
        checkWritable();
        Change old = data.putChange(sequence, change);
        undo.push(() -> data.putChange(sequence, old));
    }

    <K, V> void writeEntry(Map<K, V> map, K key, V value) {
        checkWritable();
        V old = map.put(key, value);
        undo.push(() -> {
            if (old == null) {
                map.remove(key);
            } else {
                map.put(key, old);
            }
        });
    }

    void touch(long rows) {
        rowsTouched += rows;
    }

    long rowsTouched() {
        return rowsTouched;
    }

    // --- change feed ----------------------------------------------------------------------

    @Override
    public long feedHead() {
        return data.feedHead;
    }

    @Override
    public Change appendChange(Change draft) {
        checkWritable();
        long previous = data.feedHead;
        long sequence = previous + 1;
        Change change = draft.withSequence(sequence);
        data.feedHead = sequence;
        undo.push(() -> data.feedHead = previous);
        writeChange(sequence, change);
        return change;
    }

    @Override
    public List<Change> changesSince(long after, int limit) {
        List<Change> changes = data.feed.since(after, limit);
        touch(changes.size());
        return changes;
    }

    @Override
    public int pruneChanges(Instant before) {
        List<Change> old = data.feed.oldestWhile(change -> change.time().isBefore(before));
        for (Change change : old) {
            writeChange(change.sequence(), null);
        }
        return old.size();
    }

    // --- conversations --------------------------------------------------------------------

    @Override
    public Optional<ConversationRow> findConversation(String id) {
        touch(1);
        return Optional.ofNullable(data.conversations.get(id));
    }

    @Override
    public Optional<ConversationRow> findLiveConversation(String customerId) {
        touch(1);
        return Optional.ofNullable(data.liveConversationByCustomer.get(customerId)).map(data.conversations::get);
    }

    @Override
    public Optional<ConversationRow> insertConversation(ConversationRow row) {
        Optional<ConversationRow> live = findLiveConversation(row.conversation().customerId());
        if (live.isPresent() && !row.conversation().deleted()) {
            return live;
        }
        if (data.conversations.containsKey(row.id())) {
            throw new DuplicateIdException(row.id());
        }
        writeConversation(row.id(), row);
        return Optional.empty();
    }

    @Override
    public boolean updateConversation(ConversationRow row, long expectedVersion) {
        ConversationRow current = data.conversations.get(row.id());
        if (current == null || current.conversation().version() != expectedVersion) {
            return false;
        }
        Conversation c = row.conversation();
        String liveId = data.liveConversationByCustomer.get(c.customerId());
        if (!c.deleted() && liveId != null && !liveId.equals(row.id())) {
            return false; // would make a second live conversation for the customer
        }
        writeConversation(row.id(), row);
        return true;
    }

    @Override
    public List<InboxRow> inbox(InboxSpec spec) {
        return scanInbox(spec, true);
    }

    @Override
    public long countInbox(InboxSpec spec) {
        return scanInbox(spec, false).size();
    }

    private List<InboxRow> scanInbox(InboxSpec spec, boolean paged) {
        NavigableSet<PagePosition> order;
        if (spec.textTerms().isEmpty()) {
            order = data.inboxOrder;
        } else {
            order = new TreeSet<>(TenantData.NEWEST_FIRST);
            for (String id : textMatches(spec.textTerms())) {
                Conversation c = data.conversations.get(id).conversation();
                if (!c.deleted() && c.lastMessageDate() != null) {
                    order.add(new PagePosition(c.lastMessageDate(), id));
                }
            }
        }
        if (paged && spec.after() != null) {
            order = order.tailSet(spec.after(), false);
        }
        List<InboxRow> rows = new ArrayList<>(paged ? Math.min(spec.limit(), 256) : 16);
        long touched = 0;
        for (PagePosition position : order) {
            if (paged && rows.size() >= spec.limit()) {
                break;
            }
            touched++;
            ConversationRow row = data.conversations.get(position.id());
            ThreadRow thread = data.thread(row.id(), spec.userId());
            if (matches(spec, row, thread)) {
                rows.add(new InboxRow(row, thread, data.messages.get(row.conversation().lastMessageId())));
            }
        }
        touch(touched + rows.size());
        return rows;
    }

    private Set<String> textMatches(Collection<String> terms) {
        long[] touched = {0};
        Set<String> ids = data.tokens.conversationsMatching(terms, touched);
        touch(touched[0]);
        return ids;
    }

    private static boolean matches(InboxSpec spec, ConversationRow row, ThreadRow thread) {
        Conversation c = row.conversation();
        boolean archived = Horizons.isArchived(row, thread);
        boolean snoozed = Horizons.isSnoozed(c, spec.now());
        boolean inView = switch (spec.view()) {
            case INBOX -> !archived && !snoozed;
            case ARCHIVED -> archived;
            case SNOOZED -> snoozed && !archived;
            case ALL -> true;
        };
        return inView
                && (!spec.unreadOnly() || Horizons.isUnread(row.counters(), thread, spec.allReadSeq()))
                && (!spec.importantOnly() || thread != null && thread.important())
                && (spec.assignee() == null || spec.assignee().matches(c.assignedTo()))
                && (spec.channel() == null || spec.channel() == c.channel());
    }

    @Override
    public List<InboxRow> searchConversations(SearchSpec spec) {
        return scanSearch(spec, true);
    }

    @Override
    public long countConversations(SearchSpec spec) {
        return scanSearch(spec, false).size();
    }

    private List<InboxRow> scanSearch(SearchSpec spec, boolean paged) {
        Collection<ConversationRow> candidates;
        if (spec.textTerms().isEmpty()) {
            candidates = data.conversations.values();
        } else {
            candidates = textMatches(spec.textTerms()).stream().map(data.conversations::get).toList();
        }
        Comparator<PagePosition> order = spec.descending() ? TenantData.NEWEST_FIRST : TenantData.OLDEST_FIRST;
        TreeMap<PagePosition, InboxRow> sorted = new TreeMap<>(order);
        touch(candidates.size());
        for (ConversationRow row : candidates) {
            Conversation c = row.conversation();
            ThreadRow thread = data.thread(row.id(), spec.userId());
            PagePosition key = new PagePosition(spec.sort().dateOf(c), c.id());
            if (matches(spec, row, thread) && (!paged || spec.after() == null || order.compare(key, spec.after()) > 0)) {
                MessageRow last = c.lastMessageId() == null ? null : data.messages.get(c.lastMessageId());
                sorted.put(key, new InboxRow(row, thread, last));
            }
        }
        List<InboxRow> rows = new ArrayList<>(sorted.values());
        return paged && rows.size() > spec.limit() ? rows.subList(0, spec.limit()) : rows;
    }

    private static boolean matches(SearchSpec spec, ConversationRow row, ThreadRow thread) {
        Conversation c = row.conversation();
        boolean statusMatches = switch (spec.status()) {
            case ALL -> true;
            case READ -> !Horizons.isUnread(row.counters(), thread, spec.allReadSeq());
            case UNREAD -> Horizons.isUnread(row.counters(), thread, spec.allReadSeq());
            case STARRED -> thread != null && thread.important();
            case RECENTS -> c.lastMessageDate() != null;
        };
        return statusMatches
                && (spec.includeDeleted() || !c.deleted())
                && (spec.customerId() == null || spec.customerId().equals(c.customerId()))
                && (spec.assignee() == null || spec.assignee().matches(c.assignedTo()))
                && (spec.lastMessageDirection() == null || spec.lastMessageDirection() == c.lastMessageDirection())
                && spec.filters().matches(c);
    }


    // --- messages -------------------------------------------------------------------------

    @Override
    public Optional<MessageRow> findMessage(String id) {
        touch(1);
        return Optional.ofNullable(data.messages.get(id));
    }

    @Override
    public Optional<MessageRow> findMessageByClientMessageId(String clientMessageId) {
        String id = data.messageByClientId.get(clientMessageId);
        return id == null ? Optional.empty() : findMessage(id);
    }

    @Override
    public Optional<MessageRow> insertMessage(MessageRow row) {
        String clientId = row.message().clientMessageId();
        if (clientId != null && data.messageByClientId.containsKey(clientId)) {
            return findMessage(data.messageByClientId.get(clientId));
        }
        if (data.messages.get(row.id()) != null) {
            throw new DuplicateIdException(row.id());
        }
        writeMessage(row.id(), row);
        return Optional.empty();
    }

    @Override
    public boolean updateMessage(MessageRow before, MessageRow after) {
        MessageRow current = data.messages.get(after.id());
        if (current == null || current.message().version() != before.message().version()) {
            return false;
        }
        writeMessage(after.id(), after);
        return true;
    }

    /** Cost: every message of the tenant is looked at and the matches sorted (a test store's export). */
    @Override
    public List<MessageRow> exportMessages(ExportSpec spec) {
        List<MessageRow> rows = new ArrayList<>();
        long touched = 0;
        for (MessageRow row : data.messages) {
            touched++;
            Message m = row.message();
            if (!m.deleted() && (spec.afterId() == null || row.id().compareTo(spec.afterId()) > 0)
                    && (spec.from() == null || !m.createdDate().isBefore(spec.from()))
                    && (spec.to() == null || m.createdDate().isBefore(spec.to()))
                    && (spec.customerId() == null || spec.customerId().equals(m.customerId()))) {
                rows.add(row);
            }
        }
        touch(touched);
        rows.sort(Comparator.comparing(MessageRow::id));
        return new ArrayList<>(rows.subList(0, Math.min(rows.size(), spec.limit())));
    }

    @Override
    public List<MessageRow> listMessages(MessageListSpec spec) {
        ConversationMessages all = data.messagesByConversation.get(spec.conversationId());
        List<MessageRow> rows = new ArrayList<>();
        if (all == null) {
            return rows;
        }
        boolean backwards = spec.before() != null;
        int at = backwards ? all.lastBefore(spec.before()) : spec.after() == null ? 0 : all.firstAfter(spec.after());
        long touched = 0;
        for (; at >= 0 && at < all.size() && rows.size() < spec.limit(); at += backwards ? -1 : 1) {
            touched++;
            MessageRow row = data.messages.get(all.id(at));
            if (spec.includeDeleted() || !row.message().deleted()) {
                rows.add(row);
            }
        }
        touch(touched);
        if (backwards) {
            Collections.reverse(rows);
        }
        return rows;
    }

    @Override
    public Optional<MessageRow> newestLiveMessage(String conversationId) {
        ConversationMessages all = data.messagesByConversation.get(conversationId);
        if (all == null) {
            return Optional.empty();
        }
        long touched = 0;
        try {
            for (int at = all.size() - 1; at >= 0; at--) {
                touched++;
                MessageRow row = data.messages.get(all.id(at));
                if (!row.message().deleted()) {
                    return Optional.of(row);
                }
            }
            return Optional.empty();
        } finally {
            touch(touched);
        }
    }

    @Override
    public Optional<MessageRow> newestLiveCustomerMessage(String conversationId) {
        CustomerMessages all = data.customerMessages.get(conversationId);
        if (all == null) {
            return Optional.empty();
        }
        long[] visits = {0};
        MessageRow newest = all.newestLive(visits);
        touch(visits[0]);
        return Optional.ofNullable(newest);
    }

    @Override
    public int customerNumberAt(String conversationId, long feedSeq) {
        CustomerMessages all = data.customerMessages.get(conversationId);
        touch(1);
        return all == null ? 0 : all.numberAt(feedSeq);
    }

    @Override
    public int deletedCustomerMessagesAfter(String conversationId, int number) {
        CustomerMessages all = data.customerMessages.get(conversationId);
        touch(1);
        return all == null ? 0 : all.deletedAfter(number);
    }

    @Override
    public Optional<Instant> firstLiveCustomerMessageDateAfter(String conversationId, int number) {
        CustomerMessages all = data.customerMessages.get(conversationId);
        if (all == null) {
            return Optional.empty();
        }
        long[] visits = {0};
        MessageRow first = all.firstLiveAfter(number, visits);
        touch(visits[0]);
        return first == null ? Optional.empty() : Optional.of(first.message().createdDate());
    }

    private Optional<MessageRow> firstLive(Collection<String> ids) {
        long touched = 0;
        try {
            for (String id : ids) {
                touched++;
                MessageRow row = data.messages.get(id);
                if (!row.message().deleted()) {
                    return Optional.of(row);
                }
            }
            return Optional.empty();
        } finally {
            touch(touched);
        }
    }

    // --- threads and users ----------------------------------------------------------------

    @Override
    public Optional<ThreadRow> findThread(String conversationId, String userId) {
        touch(1);
        return Optional.ofNullable(data.thread(conversationId, userId));
    }

    @Override
    public boolean saveThread(ThreadRow row, long expectedVersion) {
        ThreadRow current = data.thread(row.conversationId(), row.userId());
        long currentVersion = current == null ? 0 : current.meta().version();
        if (currentVersion != expectedVersion) {
            return false;
        }
        writeThread(row.conversationId(), row.userId(), row);
        return true;
    }

    @Override
    public List<ThreadRow> threadsOf(String conversationId) {
        return List.copyOf(data.threadsOf(conversationId));
    }

    @Override
    public Map<String, Long> allReadSeqs() {
        return Map.copyOf(data.allReadSeqs);
    }

    @Override
    public long allReadSeq(String userId) {
        return data.allReadSeqs.getOrDefault(userId, 0L);
    }

    @Override
    public void saveAllReadSeq(String userId, long seq) {
        writeEntry(data.allReadSeqs, userId, seq);
    }

    @Override
    public long shopAllReadSeq() {
        return data.allReadSeqs.values().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    @Override
    public Optional<NotificationConfig> findNotificationConfig(String userId) {
        return Optional.ofNullable(data.notificationConfigs.get(userId));
    }

    @Override
    public void saveNotificationConfig(NotificationConfig config) {
        writeEntry(data.notificationConfigs, config.userId(), config);
    }

    // --- outlets --------------------------------------------------------------------------

    @Override
    public List<Outlet> outlets() {
        return List.copyOf(data.outlets.values());
    }

    @Override
    public void saveOutlet(Outlet outlet) {
        writeEntry(data.outlets, outlet.code(), outlet);
    }

    // --- the outbox's port -----------------------------------------------------------------

    @Override
    public OutboxStore outbox() {
        return outbox;
    }

    // --- erasure --------------------------------------------------------------------------

    @Override
    public int eraseCustomer(String customerId) {
        int erased = 0;
        List<ConversationRow> theirs = data.conversations.values().stream()
                .filter(row -> customerId.equals(row.conversation().customerId())).toList();
        for (ConversationRow row : theirs) {
            ConversationMessages messages = data.messagesByConversation.get(row.id());
            for (String id : messages == null ? List.<String>of() : messages.ids()) {
                writeMessage(id, null);
                erased++;
            }
            for (ThreadRow thread : List.copyOf(data.threadsOf(row.id()))) {
                writeThread(thread.conversationId(), thread.userId(), null);
            }
            for (Delivery task : List.copyOf(data.tasks.values())) {
                if (task.conversationId().equals(row.id())) {
                    outbox.write(task.id(), null);
                }
            }
            writeConversation(row.id(), null);
        }
        List<Change> about = data.feed.where(change -> Objects.equals(customerId, change.customerId()));
        for (Change change : about) {
            writeChange(change.sequence(), change.erased());
        }
        return erased;
    }
}
