package dev.messaging.jdbi;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One column of a table as the store writes it: its name, the Java type bound for it (so that a
 * null binds with the right SQL type), and how to get its value from a row. A table's columns are
 * listed once; its INSERT, UPDATE and SELECT lists are made from that list, and its row mapper
 * reads the columns in the same order, by index.
 */
record Column<R>(String name, Class<?> type, Function<R, Object> value) {

    static <R> String names(List<Column<R>> columns, String alias) {
        return columns.stream().map(c -> alias + "." + c.name()).collect(Collectors.joining(", "));
    }

    static <R> String insert(String table, List<Column<R>> columns) {
        return "INSERT INTO " + table + " (" + columns.stream().map(Column::name).collect(Collectors.joining(", "))
                + ") VALUES (" + columns.stream().map(c -> "?").collect(Collectors.joining(", ")) + ")";
    }

    static <R> String assignments(List<Column<R>> columns) {
        return columns.stream().map(c -> c.name() + " = ?").collect(Collectors.joining(", "));
    }
}
