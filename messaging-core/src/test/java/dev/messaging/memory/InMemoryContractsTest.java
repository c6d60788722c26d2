package dev.messaging.memory;

import dev.messaging.contract.BadInputProperties;
import dev.messaging.contract.CallbackProperties;
import dev.messaging.contract.ChannelContract;
import dev.messaging.contract.ConcurrencyContract;
import dev.messaging.contract.ConsentCategoryContract;
import dev.messaging.contract.DeliveryContract;
import dev.messaging.contract.DeliveryLoadContract;
import dev.messaging.contract.FeedAndHistoryContract;
import dev.messaging.contract.InboxContract;
import dev.messaging.contract.IsolationContract;
import dev.messaging.contract.LeadConnectorMessagesContract;
import dev.messaging.contract.MessageContract;
import dev.messaging.contract.MessagingContract;
import dev.messaging.contract.ReliabilityContract;
import dev.messaging.contract.ScheduledDeliveryContract;
import dev.messaging.contract.SearchFiltersContract;
import dev.messaging.contract.SenderContract;
import dev.messaging.contract.SubscriptionContract;
import dev.messaging.contract.ValueContract;
import dev.messaging.spi.Store;
import org.junit.jupiter.api.Nested;

/**
 * Every store-independent suite on the in-memory store, one nested class each: a suite added to the
 * contract gets its line here and in the other stores' files.
 */
class InMemoryContractsTest {
    /** Generated bad input on the in-memory store. */
    @Nested
    class BadInputSuite extends BadInputProperties {
        @Override
        protected Store newStore() {
            return new InMemoryStore();
        }
    }

    /** Out-of-order provider callbacks on the in-memory store. */
    @Nested
    class CallbackSuite extends CallbackProperties {
        @Override
        protected Store newStore() {
            return new InMemoryStore();
        }
    }

    /** Channels as data on the in-memory store. */
    @Nested
    class ChannelSuite extends ChannelContract {
        @Override
        protected Store newStore() {
            return new InMemoryStore();
        }
    }

    /** The concurrency contract on the in-memory store. */
    @Nested
    class ConcurrencySuite extends ConcurrencyContract {
        @Override
        protected Store newStore() {
            return new InMemoryStore();
        }
    }

    /** Consent per category on the in-memory store. */
    @Nested
    class ConsentCategorySuite extends ConsentCategoryContract {
        @Override
        protected Store newStore() {
            return new InMemoryStore();
        }
    }

    /** The delivery suite's many workers and live changes under load on the in-memory store. */
    @Nested
    class DeliveryLoadSuite extends DeliveryLoadContract {
        @Override
        protected Store newStore() {
            return new InMemoryStore();
        }
    }

    /** The delivery suite on the in-memory store. */
    @Nested
    class DeliverySuite extends DeliveryContract {
        @Override
        protected Store newStore() {
            return new InMemoryStore();
        }
    }

    /** The rules of the change feed, consistency, guests, history import and notification config on the in-memory store. */
    @Nested
    class FeedAndHistorySuite extends FeedAndHistoryContract {
        @Override
        protected Store newStore() {
            return new InMemoryStore();
        }
    }

    /** The rules of unread counts, the inbox and search on the in-memory store. */
    @Nested
    class InboxSuite extends InboxContract {
        @Override
        protected Store newStore() {
            return new InMemoryStore();
        }
    }

    /** Tenant isolation and authorization on the in-memory store. */
    @Nested
    class IsolationSuite extends IsolationContract {
        @Override
        protected Store newStore() {
            return new InMemoryStore();
        }
    }

    /** LeadConnector's message-level API on the in-memory store. */
    @Nested
    class LeadConnectorMessagesSuite extends LeadConnectorMessagesContract {
        @Override
        protected Store newStore() {
            return new InMemoryStore();
        }
    }

    /** The rules of messages and bad input on the in-memory store. */
    @Nested
    class MessageSuite extends MessageContract {
        @Override
        protected Store newStore() {
            return new InMemoryStore();
        }
    }

    /** The contract suite on the in-memory store. */
    @Nested
    class MessagingSuite extends MessagingContract {
        @Override
        protected Store newStore() {
            return new InMemoryStore();
        }
    }

    /** The reliability suite on the in-memory store. */
    @Nested
    class ReliabilitySuite extends ReliabilityContract {
        @Override
        protected Store newStore() {
            return new InMemoryStore();
        }
    }

    /** The delivery suite's scheduled sends, quiet hours, consent and operator calls on the in-memory store. */
    @Nested
    class ScheduledDeliverySuite extends ScheduledDeliveryContract {
        @Override
        protected Store newStore() {
            return new InMemoryStore();
        }
    }

    /** The search's further filters on the in-memory store. */
    @Nested
    class SearchFiltersSuite extends SearchFiltersContract {
        @Override
        protected Store newStore() {
            return new InMemoryStore();
        }
    }

    /** The delivery suite's staff notifications and senders on the in-memory store. */
    @Nested
    class SenderSuite extends SenderContract {
        @Override
        protected Store newStore() {
            return new InMemoryStore();
        }
    }

    /** Subscriptions at scale on the in-memory store. */
    @Nested
    class SubscriptionSuite extends SubscriptionContract {
        @Override
        protected Store newStore() {
            return new InMemoryStore();
        }
    }

    /** Values that read back, and the size limits, on the in-memory store. */
    @Nested
    class ValueSuite extends ValueContract {
        @Override
        protected Store newStore() {
            return new InMemoryStore();
        }
    }
}
