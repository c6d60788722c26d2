package dev.messaging.jdbi;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps SQLite's prepared statements for reuse. Preparing is where the SQLite driver spends much of
 * a short statement's time (the PostgreSQL driver caches server-side prepared statements itself),
 * and the store runs the same few dozen statements over and over.
 *
 * <p>Why the physical connection: HikariCP hands out a new proxy per borrow and closes the
 * statements made through it when the proxy is returned, so a cache keyed by the proxy would never
 * hit. Statements are prepared on the unwrapped driver connection and cached per that connection
 * (weakly, so a connection the pool retires takes its cache with it). A connection serves one thread
 * at a time, so a cache needs no locking of its own.
 */
final class CachingStatementBuilder implements StatementBuilder {
    private static final int STATEMENTS_PER_CONNECTION = 128;
    private static final Map<Connection, Map<String, PreparedStatement>> CACHES =
            Collections.synchronizedMap(new WeakHashMap<>());

    private final StatementBuilder plain = new DefaultStatementBuilder();
    private final Connection physical;
    private final Map<String, PreparedStatement> cache;

    CachingStatementBuilder(Connection connection) {
        this.physical = unwrap(connection);
        this.cache = CACHES.computeIfAbsent(physical, c -> new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= STATEMENTS_PER_CONNECTION) {
                    return false;
                }
                try {
                    eldest.getValue().close();
                } catch (SQLException e) {
                    // a statement we cannot close is gone anyway
                }
                return true;
            }
        });
    }

    /** The cached statement for {@code sql} on {@code connection}'s physical connection, prepared if new. */
    static PreparedStatement cached(Connection connection, String sql) throws SQLException {
        return new CachingStatementBuilder(connection).create(connection, sql, null);
    }

    private static Connection unwrap(Connection connection) {
        try {
            return connection.isWrapperFor(org.sqlite.SQLiteConnection.class)
                    ? connection.unwrap(org.sqlite.SQLiteConnection.class) : connection;
        } catch (SQLException e) {
            return connection;
        }
    }

    @Override
    public Statement create(Connection conn, StatementContext ctx) throws SQLException {
        return plain.create(conn, ctx);
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        PreparedStatement statement = cache.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = physical.prepareStatement(sql);
            cache.put(sql, statement);
        } else {
            statement.clearParameters();
        }
        return statement;
    }

    @Override
    public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
        return plain.createCall(conn, sql, ctx);
    }

    @Override
    public void close(Connection conn, String sql, Statement statement) throws SQLException {
        if (sql == null || cache.get(sql) != statement) {
            statement.close();
        }
    }
}
