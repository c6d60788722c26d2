package dev.messaging;

import dev.messaging.message.AuthorType;
import dev.messaging.message.Message;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.MessageRow;

/**
 * Presents a stored message: {@code shopRead} of a customer message is derived from the
 * conversation's shop-wide read horizon and the tenant's latest "mark all read"; it is null for
 * other authors.
 */
final class MessageViews {
    private MessageViews() {
    }

    static Message present(MessageRow row, ConversationRow conversation, long shopAllReadSeq) {
        Message m = row.message();
        if (m.authorType() != AuthorType.CUSTOMER) {
            return m.shopRead() == null ? m : m.withShopRead(null);
        }
        boolean shopRead = conversation != null && row.customerNumber() <= conversation.counters().shopReadNumber()
                || row.feedSeq() <= shopAllReadSeq;
        return Boolean.valueOf(shopRead).equals(m.shopRead()) ? m : m.withShopRead(shopRead);
    }
}
