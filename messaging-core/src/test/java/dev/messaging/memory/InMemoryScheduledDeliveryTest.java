package dev.messaging.memory;

import dev.messaging.contract.ScheduledDeliveryContract;
import dev.messaging.spi.Store;

/** The delivery suite's scheduled sends, quiet hours, consent and operator calls on the in-memory store. */
class InMemoryScheduledDeliveryTest extends ScheduledDeliveryContract {
    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
