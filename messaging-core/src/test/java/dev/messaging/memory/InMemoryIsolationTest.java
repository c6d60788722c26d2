package dev.messaging.memory;

import dev.messaging.contract.IsolationContract;
import dev.messaging.spi.Store;

/** Tenant isolation and authorization on the in-memory store. */
class InMemoryIsolationTest extends IsolationContract {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
