package dev.messaging.spi;

import dev.messaging.message.Message;

/**
 * A stored message: the record (its {@code shopRead} is derived by core when read, a store need
 * not keep it), the message's number among its conversation's customer messages (0 for other
 * authors) and the change-feed sequence of the change that created it.
 */
public record MessageRow(Message message, int customerNumber, long feedSeq) {

    /** The message's id. */
    public String id() {
        return message.id();
    }

    /** The same row (customer number, feed sequence) holding {@code changed}. */
    public MessageRow with(Message changed) {
        return new MessageRow(changed, customerNumber, feedSeq);
    }
}
