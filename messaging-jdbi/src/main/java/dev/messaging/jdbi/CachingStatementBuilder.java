package dev.messaging.jdbi;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Jdbi's statements from the connection's {@link StatementCache} (SQLite): prepared once per
 * connection, cleared and reused after; not closed after use (the cache closes them with the
 * connection). Connections without a cache get plain statements.
 */
final class CachingStatementBuilder implements StatementBuilder {
    private final StatementBuilder plain = new DefaultStatementBuilder();

    /** The cached statement for {@code sql} on {@code connection}, or a new one if it has no cache. */
    static PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        StatementCache cache = StatementCache.of(connection);
        return cache == null ? connection.prepareStatement(sql) : cache.prepare(sql);
    }

    @Override
    public Statement create(Connection conn, StatementContext ctx) throws SQLException {
        return plain.create(conn, ctx);
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        return prepare(conn, sql);
    }

    @Override
    public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
        return plain.createCall(conn, sql, ctx);
    }

    @Override
    public void close(Connection conn, String sql, Statement statement) throws SQLException {
        if (sql == null || StatementCache.of(conn) == null) {
            statement.close();
        }
    }
}
