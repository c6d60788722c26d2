package dev.messaging.memory;

import dev.messaging.contract.ReliabilityContract;
import dev.messaging.spi.Store;

/** The reliability suite on the in-memory store. */
class InMemoryReliabilityTest extends ReliabilityContract {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
