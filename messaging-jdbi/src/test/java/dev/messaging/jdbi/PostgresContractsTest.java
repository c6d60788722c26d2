package dev.messaging.jdbi;

import dev.messaging.contract.BadInputProperties;
import dev.messaging.contract.CallbackProperties;
import dev.messaging.contract.ChannelContract;
import dev.messaging.contract.ConcurrencyContract;
import dev.messaging.contract.ConsentCategoryContract;
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
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;

/**
 * Every store-independent suite on PostgreSQL (embedded), one nested class each: a suite added to the
 * contract gets its line here and in the other stores' files.
 */
class PostgresContractsTest {
    /** Generated bad input on PostgreSQL. */
    @Nested
    class BadInputSuite extends BadInputProperties {
        @Override
        protected Store newStore() {
            return JdbiStore.create(TestDatabases.postgresPool());
        }
    }

    /** Out-of-order provider callbacks on PostgreSQL (the delivery suite's database: claims read every tenant). */
    @Nested
    class CallbackSuite extends CallbackProperties {
        @Override
        protected Store newStore() {
            return JdbiStore.create(TestDatabases.postgresPool("delivery"));
        }
    }

    /** Channels as data on PostgreSQL. */
    @Nested
    class ChannelSuite extends ChannelContract {
        @Override
        protected Store newStore() {
            return JdbiStore.create(TestDatabases.postgresPool("channel"));
        }
    }

    /** The concurrency contract on PostgreSQL. */
    @Nested
    class ConcurrencySuite extends ConcurrencyContract {
        @Override
        protected Store newStore() {
            return JdbiStore.create(TestDatabases.postgresPool());
        }
    }

    /** Consent per category on PostgreSQL. */
    @Nested
    class ConsentCategorySuite extends ConsentCategoryContract {
        @Override
        protected Store newStore() {
            return JdbiStore.create(TestDatabases.postgresPool("consent"));
        }
    }

    /** The rules of the change feed, consistency, guests, history import and notification config on PostgreSQL (embedded, one per test JVM). */
    @Nested
    class FeedAndHistorySuite extends FeedAndHistoryContract {
        @Override
        protected Store newStore() {
            return JdbiStore.create(TestDatabases.postgresPool());
        }
    }

    /** The rules of unread counts, the inbox and search on PostgreSQL (embedded, one per test JVM). */
    @Nested
    class InboxSuite extends InboxContract {
        @Override
        protected Store newStore() {
            return JdbiStore.create(TestDatabases.postgresPool());
        }
    }

    /** Tenant isolation and authorization on PostgreSQL (a database of its own: its claims read every tenant). */
    @Nested
    class IsolationSuite extends IsolationContract {
        @Override
        protected Store newStore() {
            return JdbiStore.create(TestDatabases.postgresPool("isolation"));
        }
    }

    /** LeadConnector's message-level API on PostgreSQL. */
    @Nested
    class LeadConnectorMessagesSuite extends LeadConnectorMessagesContract {
        @Override
        protected Store newStore() {
            return JdbiStore.create(TestDatabases.postgresPool("leadconnector"));
        }
    }

    /** The rules of messages and bad input on PostgreSQL (embedded, one per test JVM). */
    @Nested
    class MessageSuite extends MessageContract {
        @Override
        protected Store newStore() {
            return JdbiStore.create(TestDatabases.postgresPool());
        }
    }

    /** The contract suite on PostgreSQL (embedded, one per test JVM). */
    @Nested
    class MessagingSuite extends MessagingContract {
        @Override
        protected Store newStore() {
            return JdbiStore.create(TestDatabases.postgresPool());
        }
    }

    /** Rows that cannot be read back, on PostgreSQL (a database of its own: its claims read every tenant). */
    @Nested
    class PoisonRowSuite extends PoisonRowContract {
        @Override
        Store open() {
            return JdbiStore.create(TestDatabases.postgresPool("poison"));
        }

        @Override
        Jdbi raw() {
            return TestDatabases.rawPostgres("poison");
        }
    }

    /** The reliability suite on PostgreSQL. */
    @Nested
    class ReliabilitySuite extends ReliabilityContract {
        @Override
        protected Store newStore() {
            return JdbiStore.create(TestDatabases.postgresPool());
        }
    }

    /** The delivery suite's scheduled sends, quiet hours, consent and operator calls on PostgreSQL. */
    @Nested
    class ScheduledDeliverySuite extends ScheduledDeliveryContract {
        @Override
        protected Store newStore() {
            return JdbiStore.create(TestDatabases.postgresPool(PostgresDeliveryTest.DATABASE));
        }
    }

    /** The search's further filters on PostgreSQL. */
    @Nested
    class SearchFiltersSuite extends SearchFiltersContract {
        @Override
        protected Store newStore() {
            return JdbiStore.create(TestDatabases.postgresPool("search"));
        }
    }

    /**
     * The delivery suite's staff notifications and senders on PostgreSQL, in a database of its own: its
     * health test waits for a worker to claim nothing, which other suites' leftover deliveries (due
     * once its clock moves) delayed past its deadline in one full run.
     */
    @Nested
    class SenderSuite extends SenderContract {
        @Override
        protected Store newStore() {
            return JdbiStore.create(TestDatabases.postgresPool("sender"));
        }
    }

    /** Subscriptions at scale on PostgreSQL. */
    @Nested
    class SubscriptionSuite extends SubscriptionContract {
        @Override
        protected Store newStore() {
            return JdbiStore.create(TestDatabases.postgresPool("subscriptions"));
        }
    }

    /** Values that read back, and the size limits, on PostgreSQL. */
    @Nested
    class ValueSuite extends ValueContract {
        @Override
        protected Store newStore() {
            return JdbiStore.create(TestDatabases.postgresPool("values"));
        }
    }
}
