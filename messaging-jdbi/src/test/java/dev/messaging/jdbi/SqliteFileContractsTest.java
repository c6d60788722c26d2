package dev.messaging.jdbi;

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
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;

/**
 * Every store-independent suite on a SQLite file, one nested class each: a suite added to the
 * contract gets its line here and in the other stores' files.
 */
class SqliteFileContractsTest {
    /** Out-of-order provider callbacks on a SQLite file. */
    @Nested
    class CallbackSuite extends CallbackProperties {
        @Override
        protected Store newStore() {
            return JdbiStore.sqlite(TestDatabases.newSqliteFile());
        }
    }

    /** Generated bad input on a SQLite file. */
    @Nested
    class BadInputSuite extends BadInputProperties {
        @Override
        protected Store newStore() {
            return JdbiStore.sqlite(TestDatabases.newSqliteFile());
        }
    }

    /** Channels as data on a SQLite file. */
    @Nested
    class ChannelSuite extends ChannelContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqlite(TestDatabases.newSqliteFile());
        }
    }

    /** The concurrency contract on a SQLite file. */
    @Nested
    class ConcurrencySuite extends ConcurrencyContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqlite(TestDatabases.newSqliteFile());
        }
    }

    /** Consent per category on a SQLite file. */
    @Nested
    class ConsentCategorySuite extends ConsentCategoryContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqlite(TestDatabases.newSqliteFile());
        }
    }

    /** The delivery suite's many workers and live changes under load on a SQLite file. */
    @Nested
    class DeliveryLoadSuite extends DeliveryLoadContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqlite(TestDatabases.newSqliteFile());
        }
    }

    /** The delivery suite on a SQLite file. */
    @Nested
    class DeliverySuite extends DeliveryContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqlite(TestDatabases.newSqliteFile());
        }
    }

    /** The rules of the change feed, consistency, guests, history import and notification config on a SQLite file. */
    @Nested
    class FeedAndHistorySuite extends FeedAndHistoryContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqlite(TestDatabases.newSqliteFile());
        }
    }

    /** The rules of unread counts, the inbox and search on a SQLite file. */
    @Nested
    class InboxSuite extends InboxContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqlite(TestDatabases.newSqliteFile());
        }
    }

    /** Tenant isolation and authorization on a SQLite file. */
    @Nested
    class IsolationSuite extends IsolationContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqlite(TestDatabases.newSqliteFile());
        }
    }

    /** LeadConnector's message-level API on a SQLite file. */
    @Nested
    class LeadConnectorMessagesSuite extends LeadConnectorMessagesContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqlite(TestDatabases.newSqliteFile());
        }
    }

    /** The rules of messages and bad input on a SQLite file. */
    @Nested
    class MessageSuite extends MessageContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqlite(TestDatabases.newSqliteFile());
        }
    }

    /** The contract suite on a SQLite file. */
    @Nested
    class MessagingSuite extends MessagingContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqlite(TestDatabases.newSqliteFile());
        }
    }

    /** The reliability suite on a SQLite file. */
    @Nested
    class ReliabilitySuite extends ReliabilityContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqlite(TestDatabases.newSqliteFile());
        }
    }

    /** The delivery suite's scheduled sends, quiet hours, consent and operator calls on a SQLite file. */
    @Nested
    class ScheduledDeliverySuite extends ScheduledDeliveryContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqlite(TestDatabases.newSqliteFile());
        }
    }

    /** The search's further filters on a SQLite file. */
    @Nested
    class SearchFiltersSuite extends SearchFiltersContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqlite(TestDatabases.newSqliteFile());
        }
    }

    /** The delivery suite's staff notifications and senders on a SQLite file. */
    @Nested
    class SenderSuite extends SenderContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqlite(TestDatabases.newSqliteFile());
        }
    }

    /** Subscriptions at scale on a SQLite file. */
    @Nested
    class SubscriptionSuite extends SubscriptionContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqlite(TestDatabases.newSqliteFile());
        }
    }

    /** Values that read back, and the size limits, on a SQLite file. */
    @Nested
    class ValueSuite extends ValueContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqlite(TestDatabases.newSqliteFile());
        }
    }

    /** Rows that cannot be read back, on a SQLite file. */
    @Nested
    class PoisonRowSuite extends PoisonRowContract {
        private final Path file = TestDatabases.newSqliteFile();

        @Override
        Store open() {
            return JdbiStore.sqlite(file);
        }

        @Override
        Jdbi raw() {
            return Jdbi.create("jdbc:sqlite:" + file);
        }
    }
}
