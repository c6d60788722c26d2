package dev.messaging.memory;

import dev.messaging.contract.ConsentCategoryContract;
import dev.messaging.spi.Store;

/** Consent per category on the in-memory store. */
class InMemoryConsentCategoryTest extends ConsentCategoryContract {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
