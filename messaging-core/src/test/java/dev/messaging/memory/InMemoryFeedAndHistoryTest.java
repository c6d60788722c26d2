package dev.messaging.memory;

import dev.messaging.contract.FeedAndHistoryContract;
import dev.messaging.spi.Store;

/** The rules of the change feed, consistency, guests, history import and notification config on the in-memory store. */
class InMemoryFeedAndHistoryTest extends FeedAndHistoryContract {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
