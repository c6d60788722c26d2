package dev.messaging.jdbi;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A schema version written in Java because it rewrites rows with the library's own code (the text
 * tokens, the JSON documents) or needs what SQL files cannot say: plain JDBC on Flyway's
 * connection, in Flyway's transaction unless it says otherwise.
 */
abstract class RowsMigration implements JavaMigration {
    private final String version;
    private final String description;

    RowsMigration(String version, String description) {
        this.version = version;
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(version);
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    /** A statement's rows sent a thousand at a time; the rest when closed. */
    static final class Batch implements AutoCloseable {
        private static final int SIZE = 1_000;
        private final PreparedStatement statement;
        private int pending;

        Batch(PreparedStatement statement) {
            this.statement = statement;
        }

        PreparedStatement statement() {
            return statement;
        }

        /** Adds the row bound on {@link #statement()}. */
        void add() throws SQLException {
            statement.addBatch();
            if (++pending == SIZE) {
                statement.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                if (pending > 0) {
                    statement.executeBatch();
                }
            } finally {
                statement.close();
            }
        }
    }
}
