package dev.messaging.memory;

import dev.messaging.spi.MessageRow;

/** A tenant's messages by id ({@link KeyedSlots}: a slot per message where a map spent a node; tagged). */
final class MessageRows extends KeyedSlots<MessageRow> {

    MessageRows() {
        super(true);
    }

    @Override
    String keyOf(MessageRow row) {
        return row.id();
    }
}
