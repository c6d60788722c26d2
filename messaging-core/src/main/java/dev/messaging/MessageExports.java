package dev.messaging;

import dev.messaging.common.Actor;
import dev.messaging.common.Page;
import dev.messaging.kernel.Access;
import dev.messaging.kernel.Cursors;
import dev.messaging.kernel.Engine;
import dev.messaging.kernel.Validator;
import dev.messaging.message.Message;
import dev.messaging.message.MessageChannel;
import dev.messaging.message.MessageExport;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.ExportSpec;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.PagePosition;
import dev.messaging.spi.StoreTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A location's messages page by page across its conversations (see {@link Messages#export}). */
final class MessageExports {
    /** Rows read from the store in a batch while filling a page with messages of some types. */
    private static final int BATCH = 200;

    private MessageExports() {
    }

    static Page<Message> page(Engine engine, Actor actor, MessageExport query) {
        Access.requireUserOrSystem(actor, "export messages");
        Validator v = engine.validator();
        v.required("query", query);
        v.throwIfAny();
        int limit = v.limit("limit", query.limit(), 50);
        v.id("customerId", query.customerId());
        if (query.from() != null && query.to() != null && !query.from().isBefore(query.to())) {
            v.add("to", "must be after from (" + query.from() + "), was " + query.to());
        }
        String filters = "export|" + query.from() + "|" + query.to() + "|" + query.customerId() + "|"
                + query.types().stream().map(MessageChannel::wireValue).sorted().toList();
        PagePosition after = Cursors.decode(v, "after", query.after(), filters);
        v.throwIfAny();
        return engine.read(actor, tx -> {
            List<MessageRow> rows = rows(tx, query, after == null ? null : after.id(), limit + 1);
            boolean hasMore = rows.size() > limit;
            List<MessageRow> page = hasMore ? rows.subList(0, limit) : rows;
            long shopAllRead = tx.shopAllReadSeq();
            Map<String, Optional<ConversationRow>> conversations = new HashMap<>();
            List<Message> messages = page.stream().map(row -> MessageViews.present(row, conversations
                    .computeIfAbsent(row.message().conversationId(), tx::findConversation).orElse(null), shopAllRead))
                    .toList();
            return Cursors.page(messages, hasMore, false, m -> new PagePosition(m.createdDate(), m.id()), filters,
                    null);
        });
    }

    /**
     * Up to {@code wanted} rows after {@code afterId}: one read without a type filter, else batches
     * of {@value #BATCH} until that many match or the location has no more.
     */
    private static List<MessageRow> rows(StoreTransaction tx, MessageExport query, String afterId, int wanted) {
        Instant from = query.from();
        Instant to = query.to();
        if (query.types().isEmpty()) {
            return tx.exportMessages(new ExportSpec(afterId, from, to, query.customerId(), wanted));
        }
        List<MessageRow> found = new ArrayList<>();
        String edge = afterId;
        while (found.size() < wanted) {
            List<MessageRow> batch = tx.exportMessages(new ExportSpec(edge, from, to, query.customerId(), BATCH));
            for (MessageRow row : batch) {
                if (found.size() < wanted && row.message().channel() != null
                        && query.types().contains(row.message().channel())) {
                    found.add(row);
                }
            }
            if (batch.size() < BATCH) {
                break;
            }
            edge = batch.get(batch.size() - 1).id();
        }
        return found;
    }
}
