package dev.messaging.jmh;

import dev.messaging.common.Tenant;
import dev.messaging.change.Change;
import dev.messaging.conversation.SearchSort;
import dev.messaging.conversation.SearchStatus;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.InboxRow;
import dev.messaging.spi.MessageListSpec;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.SearchSpec;
import dev.messaging.spi.Store;
import dev.messaging.spi.ThreadRow;
import java.util.ArrayList;
import java.util.List;

/**
 * Copies one tenant's rows from a store to another through the store SPI, in large
 * transactions: the benchmark data is generated once through the real API (in memory, where it is
 * fast) and then batch-loaded into the store under test as the same rows.
 */
final class StoreCopy {
    private static final int BATCH = 25_000;

    private StoreCopy() {
    }

    /** Everything of one tenant, as rows. */
    record Rows(List<Change> changes, List<ConversationRow> conversations, List<MessageRow> messages,
            List<ThreadRow> threads, List<long[]> allReads, List<String> users) {
    }

    static Rows read(Store from, Tenant tenant, List<String> users) {
        return from.read(tenant, tx -> {
            List<Change> changes = tx.changesSince(0, Integer.MAX_VALUE);
            List<ConversationRow> conversations = tx.searchConversations(new SearchSpec("-", 0, null, null,
                    SearchStatus.ALL, null, List.of(), SearchSort.CREATED_DATE, false, null, true, Integer.MAX_VALUE))
                    .stream().map(InboxRow::conversation).toList();
            List<MessageRow> messages = new ArrayList<>();
            List<ThreadRow> threads = new ArrayList<>();
            for (ConversationRow c : conversations) {
                messages.addAll(tx.listMessages(new MessageListSpec(c.id(), null, null, true, Integer.MAX_VALUE)));
                for (String user : users) {
                    tx.findThread(c.id(), user).ifPresent(threads::add);
                }
            }
            List<long[]> allReads = new ArrayList<>();
            for (int u = 0; u < users.size(); u++) {
                allReads.add(new long[] {u, tx.allReadSeq(users.get(u))});
            }
            return new Rows(changes, conversations, messages, threads, allReads, users);
        });
    }

    static void write(Rows rows, Store to, Tenant tenant, DataSet.Progress progress) {
        batches(rows.changes(), to, tenant, (tx, change) -> tx.appendChange(change), "changes", progress);
        batches(rows.conversations(), to, tenant, (tx, c) -> tx.insertConversation(c), "conversations", progress);
        batches(rows.messages(), to, tenant, (tx, m) -> tx.insertMessage(m), "messages", progress);
        batches(rows.threads(), to, tenant, (tx, t) -> tx.saveThread(t, 0), "threads", progress);
        to.inTransaction(tenant, tx -> {
            for (long[] allRead : rows.allReads()) {
                if (allRead[1] > 0) {
                    tx.saveAllReadSeq(rows.users().get((int) allRead[0]), allRead[1]);
                }
            }
            return null;
        });
    }

    private interface RowWriter<R> {
        void write(dev.messaging.spi.StoreTransaction tx, R row);
    }

    private static <R> void batches(List<R> rows, Store to, Tenant tenant, RowWriter<R> writer, String what,
            DataSet.Progress progress) {
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<R> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            to.inTransaction(tenant, tx -> {
                batch.forEach(row -> writer.write(tx, row));
                return null;
            });
            if (progress != null && (from + batch.size() == rows.size() || (from / BATCH) % 8 == 7)) {
                progress.report("loaded " + what, from + batch.size(), rows.size());
            }
        }
    }
}
