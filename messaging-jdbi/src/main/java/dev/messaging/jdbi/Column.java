package dev.messaging.jdbi;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One column of a table as the store writes it: its name, the Java type bound for it (so that a
 * null binds with the right SQL type), how to get its value from a row, and what of the row to
 * compare to tell whether an UPDATE must set it ({@code compared}: the value itself, or for a JSON
 * column the domain value it is written from, which costs no JSON to compare). A table's columns
 * are listed once; its INSERT, UPDATE and SELECT lists are made from that list, and its mapper
 * reads the columns in the same order ({@link Cells}).
 */
record Column<R>(String name, Class<?> type, Function<R, Object> value, Function<R, Object> compared) {
    /** The SET lists of UPDATEs by the columns they set: a write sets the same few columns again and again. */
    private static final Map<List<? extends Column<?>>, String> ASSIGNMENTS = new ConcurrentHashMap<>();

    /** A column compared by its value. */
    Column(String name, Class<?> type, Function<R, Object> value) {
        this(name, type, value, value);
    }

    /** A column holding {@code domain}'s value as JSON text made by {@code write}, compared by the domain value. */
    static <R, V> Column<R> json(String name, Function<R, V> domain, Function<V, String> write) {
        return new Column<>(name, String.class, row -> write.apply(domain.apply(row)), domain::apply);
    }

    /** Binds each column's value of {@code row} from parameter {@code first} (1-based); returns the next. */
    static <R> int bind(PreparedStatement statement, int first, List<Column<R>> columns, R row) throws SQLException {
        int position = first;
        for (Column<R> column : columns) {
            bindValue(statement, position++, column.value().apply(row), column.type());
        }
        return position;
    }

    /** Binds one value with the setter of its type (a null with its SQL type). */
    static void bindValue(PreparedStatement statement, int position, Object value, Class<?> type) throws SQLException {
        if (value == null) {
            statement.setNull(position, type == String.class ? Types.VARCHAR
                    : type == Boolean.class ? Types.BOOLEAN : type == Integer.class ? Types.INTEGER : Types.BIGINT);
        } else if (value instanceof String string) {
            statement.setString(position, string);
        } else if (value instanceof Long number) {
            statement.setLong(position, number);
        } else if (value instanceof Integer number) {
            statement.setInt(position, number);
        } else if (value instanceof Boolean flag) {
            statement.setBoolean(position, flag);
        } else {
            throw new IllegalArgumentException("no binding for " + value.getClass());
        }
    }

    /**
     * The columns whose values differ between {@code before} and {@code after}; the {@code version}
     * column when none do (an UPDATE needs one column to set, and it still checks the version).
     */
    static <R> List<Column<R>> changed(List<Column<R>> columns, R before, R after) {
        List<Column<R>> changed = columns.stream()
                .filter(c -> !Objects.equals(c.compared().apply(before), c.compared().apply(after))).toList();
        return changed.isEmpty() ? columns.stream().filter(c -> c.name().equals("version")).toList() : changed;
    }

    /** {@code alias.a, alias.b, ...} */
    static <R> String select(List<Column<R>> columns, String alias) {
        return columns.stream().map(c -> alias + "." + c.name()).collect(Collectors.joining(", "));
    }

    /** {@code INSERT INTO table (a, b, ..., extra...) VALUES (?, ?, ...)} with {@code extra} columns bound after the listed ones. */
    static <R> String insert(String table, List<Column<R>> columns, String... extra) {
        List<String> names = new ArrayList<>(columns.stream().map(Column::name).toList());
        names.addAll(List.of(extra));
        return "INSERT INTO " + table + " (" + String.join(", ", names) + ") VALUES ("
                + names.stream().map(n -> "?").collect(Collectors.joining(", ")) + ")";
    }

    /** {@code a = ?, b = ?, ...} */
    static <R> String assignments(List<Column<R>> columns) {
        return ASSIGNMENTS.computeIfAbsent(columns,
                k -> columns.stream().map(c -> c.name() + " = ?").collect(Collectors.joining(", ")));
    }
}
