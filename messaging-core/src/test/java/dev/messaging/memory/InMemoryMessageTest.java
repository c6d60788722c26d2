package dev.messaging.memory;

import dev.messaging.contract.MessageContract;
import dev.messaging.spi.Store;

/** The rules of messages and bad input on the in-memory store. */
class InMemoryMessageTest extends MessageContract {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
