package dev.messaging.memory;

import dev.messaging.contract.DeliveryContract;
import dev.messaging.spi.Store;

/** The delivery suite on the in-memory store. */
class InMemoryDeliveryTest extends DeliveryContract {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
