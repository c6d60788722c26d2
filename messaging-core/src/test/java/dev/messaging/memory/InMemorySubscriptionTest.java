package dev.messaging.memory;

import dev.messaging.contract.SubscriptionContract;
import dev.messaging.spi.Store;

/** Subscriptions at scale on the in-memory store. */
class InMemorySubscriptionTest extends SubscriptionContract {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
