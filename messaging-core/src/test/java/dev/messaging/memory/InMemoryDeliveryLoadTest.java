package dev.messaging.memory;

import dev.messaging.contract.DeliveryLoadContract;
import dev.messaging.spi.Store;

/** The delivery suite's many workers and live changes under load on the in-memory store. */
class InMemoryDeliveryLoadTest extends DeliveryLoadContract {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
