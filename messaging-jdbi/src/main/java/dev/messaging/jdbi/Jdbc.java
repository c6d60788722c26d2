package dev.messaging.jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * The hot statements on plain JDBC: the writes (row inserts and updates, feed appends, search
 * documents, a write transaction's own BEGIN and COMMIT) and the reads of one row by key that
 * every write makes (its conversation, thread, read horizons, feed head). Binding sixty columns
 * through Jdbi's argument factories costs more than SQLite's insert itself, and Jdbi's setup of a
 * statement (its configuration copied, an argument factory looked up per parameter) more than
 * SQLite's step of a one-row read (measured: most of a conversation read by key). On SQLite the
 * statement comes from the per-connection cache; elsewhere it is prepared and closed here (the
 * PostgreSQL driver keeps its own server-side statement cache).
 */
final class Jdbc {
    private Jdbc() {
    }

    /** Binds the parameters of one statement (1-based). */
    interface Parameters {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads one row of a result, positioned on it. */
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
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

    /** Runs {@code sql}, which takes no parameters and returns no rows (BEGIN, COMMIT, SAVEPOINT ...). */
    static void run(Handle h, Dialect dialect, String sql) {
        execute(h, dialect, sql, statement -> { });
    }

    /** The number in the first column of the one row {@code sql} returns (0 for SQL NULL). */
    static long number(Handle h, Dialect dialect, String sql, Parameters parameters) {
        List<Long> rows = rows(h, dialect, sql, parameters, row -> row.getLong(1));
        if (rows.size() != 1) {
            throw new UnableToExecuteStatementException(rows.size() + " rows where one was expected: " + sql);
        }
        return rows.get(0);
    }

    /** Every row {@code sql} returns, read by {@code reader}. */
    static <T> List<T> rows(Handle h, Dialect dialect, String sql, Parameters parameters, RowReader<T> reader) {
        try {
            Connection connection = h.getConnection();
            if (dialect == Dialect.SQLITE) {
                return rows(CachingStatementBuilder.prepare(connection, sql), parameters, reader);
            }
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                return rows(statement, parameters, reader);
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /**
     * As {@link #rows}, on PostgreSQL, with {@code first} (statements separated by ";\n" that take
     * no parameters and answer nothing) sent ahead of {@code sql} in the same round trip; with
     * {@code commit}, the transaction's COMMIT sent after it in that round trip too (a failure then
     * left nothing committed, unless the connection was lost).
     */
    static <T> List<T> rowsAfter(Handle h, String first, String sql, Parameters parameters, RowReader<T> reader,
            boolean commit) {
        Pipeline pipeline = new Pipeline();
        pipeline.addAll(first);
        List<T> found = new ArrayList<>();
        pipeline.read(sql, parameters, rs -> {
            while (rs.next()) {
                found.add(reader.read(rs));
            }
        });
        if (commit) {
            pipeline.commit(h);
        } else {
            pipeline.flush(h);
        }
        return found;
    }

    /** A statement with named parameters ({@code :name}) as positional ({@code ?}) text and its names in order. */
    record Positional(String sql, List<String> names) {
        /**
         * Binds {@code values} by name, in order; a name may come more than once. Values are
         * bound as the driver takes them ({@code setObject}); null as a typeless null.
         */
        Parameters bind(Map<String, ?> values) {
            return st -> {
                for (int i = 0; i < names.size(); i++) {
                    if (!values.containsKey(names.get(i))) {
                        throw new SQLException("no value for :" + names.get(i));
                    }
                    Object value = values.get(names.get(i));
                    if (value == null) {
                        st.setNull(i + 1, Types.NULL);
                    } else {
                        st.setObject(i + 1, value);
                    }
                }
            };
        }
    }

    /**
     * {@code sql}'s named parameters made positional, as Jdbi does: a colon followed by a letter
     * starts a name, outside quoted text; {@code ::} (a cast) is left as it is.
     */
    static Positional positional(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<String> names = new ArrayList<>();
        boolean quoted = false;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == ':' && i + 1 < sql.length() && sql.charAt(i + 1) == ':') {
                out.append("::");
                i++;
                continue;
            } else if (!quoted && c == ':' && i + 1 < sql.length() && Character.isLetter(sql.charAt(i + 1))) {
                int end = i + 1;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
                    end++;
                }
                names.add(sql.substring(i + 1, end));
                out.append('?');
                i = end - 1;
                continue;
            }
            out.append(c);
        }
        return new Positional(out.toString(), List.copyOf(names));
    }

    private static <T> List<T> rows(PreparedStatement statement, Parameters parameters, RowReader<T> reader)
            throws SQLException {
        parameters.bind(statement);
        try (ResultSet rs = statement.executeQuery()) {
            return read(rs, reader);
        }
    }

    private static <T> List<T> read(ResultSet rs, RowReader<T> reader) throws SQLException {
        List<T> rows = new ArrayList<>(2);
        while (rs.next()) {
            rows.add(reader.read(rs));
        }
        return rows;
    }
}
