package dev.messaging.memory;

import dev.messaging.contract.BadInputProperties;
import dev.messaging.spi.Store;

/** Generated bad input on the in-memory store. */
class InMemoryBadInputTest extends BadInputProperties {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
