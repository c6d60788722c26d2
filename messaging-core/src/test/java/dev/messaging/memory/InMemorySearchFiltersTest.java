package dev.messaging.memory;

import dev.messaging.contract.SearchFiltersContract;
import dev.messaging.spi.Store;

/** The search's further filters on the in-memory store. */
class InMemorySearchFiltersTest extends SearchFiltersContract {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
