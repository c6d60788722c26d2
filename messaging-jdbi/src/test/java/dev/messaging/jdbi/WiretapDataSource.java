package dev.messaging.jdbi;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * A data source that records what goes over the wire — every statement executed, every commit,
 * rollback and isolation-level call — and can fail a chosen one: a statement whose SQL matches
 * fails before it runs, or a commit fails after it has run (the connection "dropped" before the
 * answer came back).
 */
final class WiretapDataSource {
    /** Every round trip seen, in order: the SQL, or "COMMIT", "ROLLBACK", "getTransactionIsolation", ... */
    final List<String> calls = new CopyOnWriteArrayList<>();
    volatile Predicate<String> failStatement = sql -> false;
    volatile boolean failAfterCommit;
    private final DataSource target;

    WiretapDataSource(DataSource target) {
        this.target = target;
    }

    DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection c ? connection(c) : result;
                });
    }

    void clear() {
        calls.clear();
    }

    private Connection connection(Connection connection) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "commit" -> {
                            calls.add("COMMIT");
                            invoke(connection, method, args);
                            if (failAfterCommit) {
                                throw new SQLException("the connection dropped before COMMIT was answered", "08006");
                            }
                            return null;
                        }
                        case "rollback" -> calls.add("ROLLBACK");
                        case "getTransactionIsolation", "setTransactionIsolation" -> calls.add(method.getName());
                        default -> { }
                    }
                    Object result = invoke(connection, method, args);
                    if (result instanceof Statement statement && args != null && args.length > 0
                            && args[0] instanceof String sql) {
                        return statement(statement, sql);
                    }
                    if (result instanceof Statement statement) {
                        return statement(statement, null);
                    }
                    return result;
                });
    }

    private Statement statement(Statement statement, String prepared) {
        Class<?>[] interfaces = statement.getClass().getInterfaces().length > 0
                ? allInterfaces(statement.getClass()) : new Class<?>[] {Statement.class};
        return (Statement) Proxy.newProxyInstance(getClass().getClassLoader(), interfaces, (proxy, method, args) -> {
            if (method.getName().startsWith("execute")) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : prepared;
                calls.add(sql);
                if (sql != null && failStatement.test(sql)) {
                    throw new SQLException("the connection dropped while running a statement", "08006");
                }
            }
            Object result = invoke(statement, method, args);
            if (method.getName().startsWith("execute") && failAfterCommit && prepared != null
                    && prepared.endsWith(";\nCOMMIT")) {
                // a transaction's last statements sent with its COMMIT: they ran, the answer is lost
                throw new SQLException("the connection dropped before COMMIT was answered", "08006");
            }
            return result;
        });
    }

    private static Class<?>[] allInterfaces(Class<?> type) {
        Set<Class<?>> all = new LinkedHashSet<>();
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (Statement.class.isAssignableFrom(i)) {
                    all.add(i);
                }
            }
        }
        return all.toArray(new Class<?>[0]);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
