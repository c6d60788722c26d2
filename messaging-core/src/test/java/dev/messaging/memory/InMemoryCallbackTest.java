package dev.messaging.memory;

import dev.messaging.contract.CallbackProperties;
import dev.messaging.spi.Store;

/** Out-of-order provider callbacks on the in-memory store. */
class InMemoryCallbackTest extends CallbackProperties {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
