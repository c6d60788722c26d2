package dev.messaging.memory;

import dev.messaging.contract.MessagingContract;
import dev.messaging.spi.Store;

/** The contract suite on the in-memory store. */
class InMemoryMessagingTest extends MessagingContract {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
