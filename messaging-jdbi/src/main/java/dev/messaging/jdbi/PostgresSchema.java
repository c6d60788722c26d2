package dev.messaging.jdbi;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * The PostgreSQL schema that holds the store's tables, so that they do not meet a service's own
 * tables of the same names ({@code tenant}, {@code message}, {@code conversation}...) in the
 * service's database. Every transaction of the store names it with {@code SET LOCAL search_path},
 * sent with the transaction's first statement (no round trip of its own, except for the outbox's
 * calls across tenants), and reset by PostgreSQL at its end: the caller's pooled connections keep
 * their own search path.
 */
final class PostgresSchema {
    /** The schema of a new database's tables unless configured. */
    static final String DEFAULT = "messaging";
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private PostgresSchema() {
    }

    /** Refuses a name that is not a plain lower-case identifier (it is written into statements). */
    static String checked(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("postgresSchema must be a lower-case identifier ([a-z_][a-z0-9_]*,"
                    + " at most 63 characters), was \"" + name + "\"");
        }
        return name;
    }

    /**
     * The schema to use: {@code configured} if not null; else the schema where the connection's
     * search path finds the store's migration history (a database the store migrated before it had
     * a schema of its own keeps its tables there); else {@link #DEFAULT}.
     */
    static String resolve(DataSource dataSource, String configured) throws SQLException {
        if (configured != null) {
            return configured;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT n.nspname FROM pg_class t JOIN pg_namespace n"
                        + " ON n.oid = t.relnamespace WHERE t.oid = to_regclass('messaging_schema_history')")) {
            return rs.next() ? rs.getString(1) : DEFAULT;
        }
    }

    /** The statement that makes {@code schema} the transaction's search path. */
    static String searchPath(String schema) {
        return "SET LOCAL search_path TO " + schema;
    }
}
