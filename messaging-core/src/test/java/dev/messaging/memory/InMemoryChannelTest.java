package dev.messaging.memory;

import dev.messaging.contract.ChannelContract;
import dev.messaging.spi.Store;

/** Channels as data on the in-memory store. */
class InMemoryChannelTest extends ChannelContract {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
