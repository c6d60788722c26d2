package dev.messaging.jdbi;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Keeps SQLite's prepared statements for reuse: preparing is where the SQLite driver spends much
 * of a short statement's time, and the store runs the same few dozen statements over and over.
 *
 * <p>Why it lives in the connection: a cache keyed by connection from the outside leaks, because
 * every cached statement holds its connection (a weak key is never cleared). So the SQLite data
 * source hands out physical connections wrapped in a proxy that carries its own cache and closes
 * it when the connection is closed — by the store, or by the pool retiring it. HikariCP wraps that
 * proxy in its own per-borrow proxy; {@link #of} reaches it through {@code unwrap}. A connection
 * serves one thread at a time, so a cache needs no locking of its own.
 */
interface StatementCache {
    /** Statements kept per connection; the least recently used goes first. */
    int CAPACITY = 128;

    /** How many caches are open now, in this JVM (for tests that watch for leaks). */
    AtomicInteger OPEN = new AtomicInteger();

    /** The cached statement for {@code sql}, prepared if new; its parameters cleared. */
    PreparedStatement prepare(String sql) throws SQLException;

    /** The cache of a connection handed out by a {@link #caching} data source, or null. */
    static StatementCache of(Connection connection) throws SQLException {
        return connection.isWrapperFor(StatementCache.class) ? connection.unwrap(StatementCache.class) : null;
    }

    /** {@code source} with every connection it opens carrying a statement cache. */
    static DataSource caching(DataSource source) {
        return (DataSource) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    Object result = invoke(source, method, args);
                    return result instanceof Connection connection ? wrap(connection) : result;
                });
    }

    private static Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(StatementCache.class.getClassLoader(),
                new Class<?>[] {Connection.class, StatementCache.class}, new Cached(connection));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** A physical connection and its statements. */
    final class Cached implements InvocationHandler {
        private final Connection connection;
        private boolean closed;
        private final Map<String, PreparedStatement> statements = new LinkedHashMap<>(64, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
                if (size() <= CAPACITY) {
                    return false;
                }
                closeQuietly(eldest.getValue());
                return true;
            }
        };

        Cached(Connection connection) {
            this.connection = connection;
            OPEN.incrementAndGet();
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "prepare":
                    if (method.getDeclaringClass() == StatementCache.class) {
                        return prepare((String) args[0]);
                    }
                    break;
                case "isWrapperFor":
                    if (args[0] == StatementCache.class) {
                        return true;
                    }
                    break;
                case "unwrap":
                    if (args[0] == StatementCache.class) {
                        return proxy;
                    }
                    break;
                case "close":
                    closeAll();
                    break;
                default:
                    break;
            }
            return StatementCache.invoke(connection, method, args);
        }

        private PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement statement = statements.get(sql);
            if (statement == null || statement.isClosed()) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
            } else {
                statement.clearParameters();
            }
            return statement;
        }

        private void closeAll() {
            if (!closed) {
                closed = true;
                statements.values().forEach(Cached::closeQuietly);
                statements.clear();
                OPEN.decrementAndGet();
            }
        }

        private static void closeQuietly(PreparedStatement statement) {
            try {
                statement.close();
            } catch (SQLException e) {
                // a statement that cannot be closed is gone with its connection anyway
            }
        }
    }
}
