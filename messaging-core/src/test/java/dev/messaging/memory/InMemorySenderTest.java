package dev.messaging.memory;

import dev.messaging.contract.SenderContract;
import dev.messaging.spi.Store;

/** The delivery suite's staff notifications and senders on the in-memory store. */
class InMemorySenderTest extends SenderContract {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
