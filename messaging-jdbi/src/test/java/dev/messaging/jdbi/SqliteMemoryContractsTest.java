package dev.messaging.jdbi;

import dev.messaging.contract.ConcurrencyContract;
import dev.messaging.contract.DeliveryContract;
import dev.messaging.contract.DeliveryLoadContract;
import dev.messaging.contract.FeedAndHistoryContract;
import dev.messaging.contract.InboxContract;
import dev.messaging.contract.MessageContract;
import dev.messaging.contract.MessagingContract;
import dev.messaging.contract.ReliabilityContract;
import dev.messaging.contract.ScheduledDeliveryContract;
import dev.messaging.contract.SenderContract;
import dev.messaging.spi.Store;
import org.junit.jupiter.api.Nested;

/**
 * Every store-independent suite on an in-memory SQLite database, one nested class each: a suite added to the
 * contract gets its line here and in the other stores' files.
 */
class SqliteMemoryContractsTest {
    /** The concurrency contract on an in-memory SQLite database. */
    @Nested
    class ConcurrencySuite extends ConcurrencyContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqliteInMemory();
        }
    }

    /** The delivery suite's many workers and live changes under load on an in-memory SQLite database. */
    @Nested
    class DeliveryLoadSuite extends DeliveryLoadContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqliteInMemory();
        }
    }

    /** The delivery suite on an in-memory SQLite database. */
    @Nested
    class DeliverySuite extends DeliveryContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqliteInMemory();
        }
    }

    /** The rules of the change feed, consistency, guests, history import and notification config on an in-memory SQLite database (one shared connection). */
    @Nested
    class FeedAndHistorySuite extends FeedAndHistoryContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqliteInMemory();
        }
    }

    /** The rules of unread counts, the inbox and search on an in-memory SQLite database (one shared connection). */
    @Nested
    class InboxSuite extends InboxContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqliteInMemory();
        }
    }

    /** The rules of messages and bad input on an in-memory SQLite database (one shared connection). */
    @Nested
    class MessageSuite extends MessageContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqliteInMemory();
        }
    }

    /** The contract suite on an in-memory SQLite database (one shared connection). */
    @Nested
    class MessagingSuite extends MessagingContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqliteInMemory();
        }
    }

    /** The reliability suite on an in-memory SQLite database. */
    @Nested
    class ReliabilitySuite extends ReliabilityContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqliteInMemory();
        }
    }

    /** The delivery suite's scheduled sends, quiet hours, consent and operator calls on an in-memory SQLite database. */
    @Nested
    class ScheduledDeliverySuite extends ScheduledDeliveryContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqliteInMemory();
        }
    }

    /** The delivery suite's staff notifications and senders on an in-memory SQLite database. */
    @Nested
    class SenderSuite extends SenderContract {
        @Override
        protected Store newStore() {
            return JdbiStore.sqliteInMemory();
        }
    }
}
