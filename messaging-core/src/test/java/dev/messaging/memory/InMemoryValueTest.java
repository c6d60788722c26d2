package dev.messaging.memory;

import dev.messaging.contract.ValueContract;
import dev.messaging.spi.Store;

/** Values that read back, and the size limits, on the in-memory store. */
class InMemoryValueTest extends ValueContract {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
