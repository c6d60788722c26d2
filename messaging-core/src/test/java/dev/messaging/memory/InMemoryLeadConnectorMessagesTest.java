package dev.messaging.memory;

import dev.messaging.contract.LeadConnectorMessagesContract;
import dev.messaging.spi.Store;

/** LeadConnector's message-level API on the in-memory store. */
class InMemoryLeadConnectorMessagesTest extends LeadConnectorMessagesContract {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
