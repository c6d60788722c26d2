package dev.messaging;

import dev.messaging.change.Change;
import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Tenant;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.SearchFilters;
import dev.messaging.conversation.SearchSort;
import dev.messaging.conversation.SearchStatus;
import dev.messaging.error.UnreadableRowException;
import dev.messaging.inbox.InboxView;
import dev.messaging.message.AuthorType;
import dev.messaging.message.Message;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.CustomerMessageCounters;
import dev.messaging.spi.InboxRow;
import dev.messaging.spi.InboxSpec;
import dev.messaging.spi.MessageListSpec;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.PagePosition;
import dev.messaging.spi.SearchSpec;
import dev.messaging.spi.Store;
import dev.messaging.spi.StoreTransaction;
import dev.messaging.spi.ThreadRow;
import dev.messaging.thread.ThreadMetadata;
import dev.messaging.verify.ConsistencyReport;
import dev.messaging.verify.Mismatch;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Recomputes a tenant's derived state from its raw rows — the messages, the thread rows, the
 * change feed — and compares it with what the store holds and what it serves: each
 * conversation's customer-message counters and last-message summary, one live conversation per
 * customer, the change feed's continuity, and every user's unread count and unreadTimestamp of
 * every thread (served through the store's own query paths: the thread lookups and the inbox).
 * A row that cannot be read back is reported (what {@code readable}) and its conversation's other
 * checks skipped. For operators after an incident, and for the crash and concurrency tests. Reads
 * one committed state; it writes nothing.
 */
final class ConsistencyCheck {
    private static final Comparator<Message> NEWEST_LAST =
            Comparator.comparing(Message::createdDate).thenComparing(Message::id);

    private ConsistencyCheck() {
    }

    static ConsistencyReport run(StoreTransaction tx) {
        return new Run(tx).check();
    }

    /** One pass over one tenant. */
    private static final class Run {
        private final StoreTransaction tx;
        private final List<Mismatch> found = new ArrayList<>();
        private int messages;
        private int threads;

        Run(StoreTransaction tx) {
            this.tx = tx;
        }

        private void expect(String entity, String id, String what, Object expected, Object actual) {
            if (!Objects.equals(expected, actual)) {
                found.add(new Mismatch(entity, id, what, String.valueOf(expected), String.valueOf(actual)));
            }
        }

        ConsistencyReport check() {
            List<ConversationRow> conversations = tx.searchConversations(new SearchSpec("-", 0, null, null,
                    SearchStatus.ALL, null, List.of(), SearchSort.CREATED_DATE, false, null, true, Integer.MAX_VALUE,
                    SearchFilters.NONE))
                    .stream().map(InboxRow::conversation).toList();
            Map<String, Long> createdBy = new HashMap<>();
            List<Change> feed = tx.changesSince(0, Integer.MAX_VALUE);
            checkFeed(feed, createdBy);
            Map<String, String> liveByCustomer = new HashMap<>();
            Map<String, Long> allReads = tx.allReadSeqs();
            for (ConversationRow row : conversations) {
                Conversation c = row.conversation();
                if (!c.deleted()) {
                    String other = liveByCustomer.put(c.customerId(), c.id());
                    if (other != null) {
                        found.add(new Mismatch("customer", c.customerId(), "live conversations", "1",
                                "2 or more (" + other + ", " + c.id() + ")"));
                    }
                }
                List<MessageRow> rows;
                try {
                    // the page above shows a row without the parts it cannot read: read it whole here
                    tx.findConversation(c.id());
                    rows = tx.listMessages(new MessageListSpec(c.id(), null, null, true, Integer.MAX_VALUE));
                } catch (UnreadableRowException e) {
                    found.add(new Mismatch(e.entity(), e.id(), "readable", "a row that reads back", e.getMessage()));
                    continue;
                }
                messages += rows.size();
                checkConversation(row, rows, createdBy);
                checkThreads(row, rows, allReads);
            }
            return new ConsistencyReport(found, conversations.size(), messages, threads, feed.size());
        }

        private void checkFeed(List<Change> feed, Map<String, Long> createdBy) {
            long head = tx.feedHead();
            long previous = -1;
            for (Change change : feed) {
                if (previous >= 0 && change.sequence() != previous + 1) {
                    found.add(new Mismatch("change", String.valueOf(change.sequence()), "sequence",
                            String.valueOf(previous + 1), String.valueOf(change.sequence())));
                }
                previous = change.sequence();
                if (change.entityType() == EntityType.MESSAGE && change.operation() == Operation.CREATE) {
                    createdBy.put(change.entityId(), change.sequence());
                }
            }
            if (!feed.isEmpty()) {
                expect("feed", "head", "last sequence", head, feed.get(feed.size() - 1).sequence());
            }
        }

        private void checkConversation(ConversationRow row, List<MessageRow> rows, Map<String, Long> createdBy) {
            Conversation c = row.conversation();
            String id = c.id();
            List<MessageRow> customer = rows.stream().filter(m -> m.message().authorType() == AuthorType.CUSTOMER)
                    .sorted(Comparator.comparingInt(MessageRow::customerNumber)).toList();
            int lastLive = 0;
            long lastLiveSeq = 0;
            long lastSeq = 0;
            int deleted = 0;
            for (int i = 0; i < customer.size(); i++) {
                MessageRow m = customer.get(i);
                expect("message", m.id(), "customer number", i + 1, m.customerNumber());
                if (i > 0 && m.feedSeq() <= customer.get(i - 1).feedSeq()) {
                    found.add(new Mismatch("message", m.id(), "feed sequence after message " + customer.get(i - 1).id(),
                            "> " + customer.get(i - 1).feedSeq(), String.valueOf(m.feedSeq())));
                }
                lastSeq = Math.max(lastSeq, m.feedSeq());
                if (m.message().deleted()) {
                    deleted++;
                } else {
                    lastLive = m.customerNumber();
                    lastLiveSeq = m.feedSeq();
                }
            }
            for (MessageRow m : rows) {
                Long created = createdBy.get(m.id());
                if (created != null) {
                    expect("message", m.id(), "feed sequence of its create", created, m.feedSeq());
                }
                if (m.message().authorType() != AuthorType.CUSTOMER) {
                    expect("message", m.id(), "customer number", 0, m.customerNumber());
                }
            }
            CustomerMessageCounters counters = row.counters();
            expect("conversation", id, "customerCount", customer.size(), counters.customerCount());
            expect("conversation", id, "deletedCustomerCount", deleted, counters.deletedCustomerCount());
            expect("conversation", id, "lastLiveCustomerNumber", lastLive, counters.lastLiveCustomerNumber());
            expect("conversation", id, "lastLiveCustomerFeedSeq", lastLiveSeq, counters.lastLiveCustomerFeedSeq());
            expect("conversation", id, "lastCustomerFeedSeq", lastSeq, counters.lastCustomerFeedSeq());
            if (counters.shopReadNumber() > counters.customerCount()) {
                found.add(new Mismatch("conversation", id, "shopReadNumber", "<= " + counters.customerCount(),
                        String.valueOf(counters.shopReadNumber())));
            }
            Message newest = rows.stream().map(MessageRow::message).filter(m -> !m.deleted()).max(NEWEST_LAST)
                    .orElse(null);
            expect("conversation", id, "lastMessageId", newest == null ? null : newest.id(), c.lastMessageId());
            expect("conversation", id, "lastMessageDate", newest == null ? null : newest.createdDate(),
                    c.lastMessageDate());
            expect("conversation", id, "lastMessageBody", newest == null ? null : newest.text(), c.lastMessageBody());
            expect("conversation", id, "lastMessageType", newest == null ? null : newest.channel(),
                    c.lastMessageType());
            expect("conversation", id, "lastMessageDirection", newest == null ? null : newest.direction(),
                    c.lastMessageDirection());
        }

        /**
         * Every user who has a thread row here or a "mark all read": their unread count and
         * unreadTimestamp recounted from the messages, against the served thread and inbox row.
         */
        private void checkThreads(ConversationRow row, List<MessageRow> rows, Map<String, Long> allReads) {
            Map<String, ThreadRow> byUser = new HashMap<>();
            for (ThreadRow thread : tx.threadsOf(row.id())) {
                byUser.put(thread.userId(), thread);
            }
            threads += byUser.size();
            TreeSet<String> users = new TreeSet<>(byUser.keySet());
            users.addAll(allReads.keySet());
            for (String user : users) {
                ThreadRow thread = byUser.get(user);
                long allRead = allReads.getOrDefault(user, 0L);
                int horizon = recountHorizon(rows, thread, allRead);
                List<Message> unread = rows.stream().filter(m -> m.customerNumber() > horizon)
                        .map(MessageRow::message).filter(m -> !m.deleted() && m.authorType() == AuthorType.CUSTOMER)
                        .toList();
                Instant oldest = unread.stream().map(Message::createdDate).min(Comparator.naturalOrder()).orElse(null);
                String id = ThreadViews.threadId(row.id(), user);
                ThreadMetadata served = ThreadViews.view(tx, row, thread, user, allRead);
                expect("thread", id, "unreadMessagesCount", unread.size(), served.unreadMessagesCount());
                expect("thread", id, "unreadTimestamp", oldest, served.unreadTimestamp());
                if (!row.conversation().deleted() && row.conversation().lastMessageId() != null) {
                    checkInboxRow(row, user, allRead, unread.size(), oldest);
                }
            }
        }

        /** The user's read horizon, from the raw rows: the thread's read number, or a later read-all's. */
        private static int recountHorizon(List<MessageRow> rows, ThreadRow thread, long allRead) {
            int readNumber = thread == null ? 0 : thread.readNumber();
            long readSeq = thread == null ? 0 : thread.readFeedSeq();
            if (allRead <= readSeq) {
                return readNumber;
            }
            int byAll = rows.stream().filter(m -> m.customerNumber() > 0 && m.feedSeq() <= allRead)
                    .mapToInt(MessageRow::customerNumber).max().orElse(0);
            return Math.max(readNumber, byAll);
        }

        /** The same counts as the inbox serves them (its own query path, with the store's read facts). */
        private void checkInboxRow(ConversationRow row, String user, long allRead, int unread, Instant oldest) {
            Conversation c = row.conversation();
            InboxSpec spec = new InboxSpec(user, allRead, InboxView.ALL, Instant.EPOCH, false, false, null, null,
                    List.of(), new PagePosition(c.lastMessageDate(), c.id() + "\uffff"), 1);
            for (InboxRow served : tx.inbox(spec)) {
                if (!served.conversation().id().equals(c.id())) {
                    continue;
                }
                ThreadMetadata view = ThreadViews.view(tx, served.conversation(), served.thread(), user, allRead,
                        served.facts());
                String id = ThreadViews.threadId(c.id(), user);
                expect("inbox", id, "unreadMessagesCount", unread, view.unreadMessagesCount());
                expect("inbox", id, "unreadTimestamp", oldest, view.unreadTimestamp());
            }
        }
    }
}
