package dev.messaging.jdbi;

import dev.messaging.contract.LeadConnectorMessagesContract;
import dev.messaging.spi.Store;

/** LeadConnector's message-level API on PostgreSQL. */
class PostgresLeadConnectorMessagesTest extends LeadConnectorMessagesContract {
    @Override
    protected Store newStore() {
        return JdbiStore.create(TestDatabases.postgresPool("leadconnector"));
    }
}
