package dev.messaging.jdbi;

import dev.messaging.contract.LeadConnectorMessagesContract;
import dev.messaging.spi.Store;

/** LeadConnector's message-level API on a SQLite file. */
class SqliteFileLeadConnectorMessagesTest extends LeadConnectorMessagesContract {
    @Override
    protected Store newStore() {
        return JdbiStore.sqlite(TestDatabases.newSqliteFile());
    }
}
