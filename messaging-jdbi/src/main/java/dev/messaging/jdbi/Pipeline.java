package dev.messaging.jdbi;

import dev.messaging.spi.DuplicateIdException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * PostgreSQL: the statements of a transaction whose answer nothing needs before the next
 * statement that does, kept and sent ahead of it in the same execution (the driver sends the
 * statements of one string together and waits once), or all together before COMMIT. With the
 * database across a network each statement sent on its own costs a round trip (0.5–1 ms); a
 * write's row updates, its deliveries and its tenant's lock cost none of their own this way
 * (RoundTripsTest counts them).
 *
 * <p>A statement kept here answers later: its rows are read ({@link #read}) when it has run, and a
 * write's update count ({@link #expect}, {@link #insert}) is checked by the server as it runs (the
 * write wrapped in a statement that fails when the count is not the one expected), so that a
 * write ending with {@link #commit} never commits a broken one. The statements run in the order
 * they were kept, and a failure of any aborts the transaction before the statement that carried
 * it (and any COMMIT) runs.
 */
final class Pipeline {
    /** What a kept statement answers, taken once it has run. */
    private interface Answer {
        void take(PreparedStatement statement, boolean rows) throws SQLException;
    }

    /** Reads the rows a kept statement returns. */
    interface Rows {
        void read(ResultSet rs) throws SQLException;
    }

    /** No count to check. */
    private static final int UNCHECKED = -1;
    private static final Answer NOTHING = (st, rows) -> { };

    /**
     * A statement kept; {@code entity} and {@code id}: an insert's record and new id, which a
     * unique violation names as taken (else null); {@code count}: the rows it must write
     * ({@value #UNCHECKED}: not checked), else the transaction fails saying {@code broken}.
     */
    private record Kept(String sql, int parameters, Jdbc.Parameters bind, Answer answer, String entity, String id,
            int count, String broken) {
        Kept(String sql, Jdbc.Parameters bind, Answer answer) {
            this(sql, parameterCount(sql), bind, answer, null, null, UNCHECKED, null);
        }

        /** The text sent at {@code index} of its execution: a checked write inside its check. */
        String text(int index) {
            if (count == UNCHECKED) {
                return sql;
            }
            // the CAST fails, naming the statement and its count, only when the count is wrong
            return "WITH written AS (" + sql + (sql.contains(" RETURNING ") ? "" : " RETURNING 1") + ") SELECT CAST('"
                    + CHECK + index + ": ' || count(*) AS integer) FROM written HAVING count(*) <> " + count;
        }
    }

    /** What a failed check's error names: the statement's index and the rows it wrote. */
    private static final String CHECK = "messaging write check ";
    private static final Pattern FAILED_CHECK = Pattern.compile(CHECK + "(\\d+): (\\d+)");

    private final List<Kept> kept = new ArrayList<>(4);

    /**
     * What the calling thread's pipelines send, statement by statement with its values, told to
     * this thread's observer (none in production; the plan tests explain what a call sent).
     */
    static final ThreadLocal<BiConsumer<String, List<Object>>> OBSERVER = new ThreadLocal<>();

    boolean isEmpty() {
        return kept.isEmpty();
    }

    /** Keeps {@code sql}, which takes no parameters and whose answer does not matter (a SET). */
    void add(String sql) {
        kept.add(new Kept(sql, st -> { }, NOTHING));
    }

    /** Keeps each of {@code statements} (separated by ";\n", as {@link #add} takes them). */
    void addAll(String statements) {
        for (String statement : statements.split(";\n")) {
            add(statement);
        }
    }

    /**
     * Keeps the write {@code sql}; as it runs its update count must be {@code count}, else the
     * transaction fails with an {@link IllegalStateException} saying {@code broken} (a rule the
     * tenant's lock keeps was broken) and nothing of it is committed.
     */
    void expect(String sql, Jdbc.Parameters bind, int count, String broken) {
        kept.add(new Kept(sql, parameterCount(sql), bind, NOTHING, null, null, count, broken));
    }

    /** Keeps {@code sql}, whose rows {@code reader} reads once it has run. */
    void read(String sql, Jdbc.Parameters bind, Rows reader) {
        kept.add(new Kept(sql, bind, (st, rows) -> {
            if (!rows) {
                throw new SQLException("no rows came back from " + sql);
            }
            try (ResultSet rs = st.getResultSet()) {
                reader.read(rs);
            }
        }));
    }

    /**
     * Keeps the insert {@code sql} of a row with the new {@code id}: it must insert one row (checked
     * as {@link #expect} checks); a unique violation of its statement is a
     * {@link DuplicateIdException} naming the {@code entity} and its {@code id}.
     */
    void insert(String sql, Jdbc.Parameters bind, String entity, String id) {
        kept.add(new Kept(sql, parameterCount(sql), bind, NOTHING, entity, id, 1, "the insert of " + id));
    }

    /** Sends what is kept, if anything, and takes its answers. */
    void flush(Handle h) {
        if (!kept.isEmpty()) {
            send(h, null, null, null);
        }
    }

    /**
     * Sends what is kept followed by COMMIT, in one execution: the transaction ends with the
     * round trip of its last statements. Once this returns the transaction is committed; a failure
     * of any statement left it uncommitted (the server ran nothing after it), unless the connection
     * was lost, when whether COMMIT ran is not known.
     */
    void commit(Handle h) {
        kept.add(new Kept("COMMIT", st -> { }, NOTHING));
        send(h, null, null, null);
    }

    /** The rows of {@code sql}, sent after what is kept, in one execution. */
    <T> List<T> rows(Handle h, String sql, Jdbc.Parameters bind, Jdbc.RowReader<T> reader) {
        List<T> found = new ArrayList<>(2);
        send(h, sql, bind, (st, rows) -> {
            if (!rows) {
                throw new SQLException("no rows came back from " + sql);
            }
            try (ResultSet rs = st.getResultSet()) {
                while (rs.next()) {
                    found.add(reader.read(rs));
                }
            }
        });
        return found;
    }

    /** The update count of {@code sql}, sent after what is kept, in one execution. */
    int execute(Handle h, String sql, Jdbc.Parameters bind) {
        int[] count = new int[1];
        send(h, sql, bind, (st, rows) -> count[0] = rows ? -1 : st.getUpdateCount());
        return count[0];
    }

    private void send(Handle h, String sql, Jdbc.Parameters bind, Answer answer) {
        List<Kept> all = new ArrayList<>(kept);
        kept.clear();
        if (sql != null) {
            all.add(new Kept(sql, bind, answer));
        }
        BiConsumer<String, List<Object>> observer = OBSERVER.get();
        if (observer != null) {
            tell(observer, all);
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            text.append(i == 0 ? "" : ";\n").append(all.get(i).text(i));
        }
        try (PreparedStatement statement = h.getConnection().prepareStatement(text.toString())) {
            int offset = 0;
            for (Kept k : all) {
                k.bind().bind(offset == 0 ? statement : shifted(statement, offset));
                offset += k.parameters();
            }
            boolean rows = statement.execute();
            for (int i = 0; i < all.size(); i++) {
                if (i > 0) {
                    rows = statement.getMoreResults();
                }
                all.get(i).answer().take(statement, rows);
            }
        } catch (SQLException e) {
            Matcher check = FAILED_CHECK.matcher(String.valueOf(e.getMessage()));
            if (check.find()) {
                Kept k = all.get(Integer.parseInt(check.group(1)));
                throw new IllegalStateException(k.broken() + " (" + check.group(2) + " rows where " + k.count()
                        + " were expected)", e);
            }
            if (Failures.isUniqueViolation(e)) {
                // the server names the key it found taken: an insert kept here whose id it is
                for (Kept k : all) {
                    if (k.id() != null && String.valueOf(e.getMessage()).contains(k.id())) {
                        throw new DuplicateIdException(k.entity(), k.id());
                    }
                }
            }
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    /** Tells {@code observer} each of {@code statements} with the values its binder binds. */
    private static void tell(BiConsumer<String, List<Object>> observer, List<Kept> statements) {
        for (Kept k : statements) {
            Object[] values = new Object[k.parameters()];
            InvocationHandler record = (proxy, method, args) -> {
                if (method.getName().startsWith("set") && args != null && args.length >= 2
                        && method.getParameterTypes()[0] == int.class) {
                    values[(Integer) args[0] - 1] = method.getName().equals("setNull") ? null : args[1];
                }
                return null;
            };
            try {
                k.bind().bind((PreparedStatement) Proxy.newProxyInstance(Pipeline.class.getClassLoader(),
                        new Class<?>[] {PreparedStatement.class}, record));
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            observer.accept(k.sql(), Arrays.asList(values));
        }
    }

    /** The number of {@code ?} parameters of {@code sql} (our statements hold no other question mark). */
    static int parameterCount(String sql) {
        int n = 0;
        for (int i = 0; i < sql.length(); i++) {
            if (sql.charAt(i) == '?') {
                n++;
            }
        }
        return n;
    }

    /**
     * {@code statement} seen by a statement's binder as if its parameters began at 1: each
     * {@code setX(index, ...)} goes to {@code index + offset}.
     */
    private static PreparedStatement shifted(PreparedStatement statement, int offset) {
        InvocationHandler shift = (proxy, method, args) -> {
            if (method.getName().startsWith("set") && args != null && args.length >= 2
                    && method.getParameterTypes()[0] == int.class) {
                Object[] moved = args.clone();
                moved[0] = (Integer) args[0] + offset;
                args = moved;
            }
            try {
                return method.invoke(statement, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (PreparedStatement) Proxy.newProxyInstance(Pipeline.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, shift);
    }
}
