package dev.messaging.jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The hot writes (row inserts and updates, feed appends, search documents) on plain JDBC: binding
 * sixty columns through Jdbi's argument factories costs more than SQLite's insert itself. On
 * SQLite the statement comes from the per-connection cache; elsewhere it is prepared and closed
 * here (the PostgreSQL driver keeps its own server-side statement cache).
 */
final class JdbcWrites {
    private JdbcWrites() {
    }

    /** Binds the parameters of one statement (1-based). */
    interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    static int execute(Handle h, Dialect dialect, String sql, Parameters parameters) {
        try {
            Connection connection = h.getConnection();
            if (dialect == Dialect.SQLITE) {
                PreparedStatement statement = CachingStatementBuilder.prepare(connection, sql);
                parameters.bind(statement);
                return statement.executeUpdate();
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                parameters.bind(statement);
                return statement.executeUpdate();
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }
}
