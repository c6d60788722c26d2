package dev.messaging.memory;

import dev.messaging.contract.ConcurrencyContract;
import dev.messaging.spi.Store;

/** The concurrency contract on the in-memory store. */
class InMemoryConcurrencyTest extends ConcurrencyContract {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
