package dev.messaging.memory;

import dev.messaging.contract.InboxContract;
import dev.messaging.spi.Store;

/** The rules of unread counts, the inbox and search on the in-memory store. */
class InMemoryInboxTest extends InboxContract {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
