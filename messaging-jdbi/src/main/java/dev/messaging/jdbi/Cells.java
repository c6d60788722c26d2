package dev.messaging.jdbi;

import dev.messaging.common.WireValue;
import dev.messaging.message.MessageChannel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Reads a result row's cells in order, the way the schema stores them (times as epoch millis,
 * enums by wire value, JSON as text), so that a table's mapper reads exactly its own columns and
 * the next mapper goes on where it stopped: no column offset is computed by hand.
 *
 * <p>The cells can also be the values a write bound ({@link #of(Object[])}): a row written is then
 * read back exactly as the database would return it, without reading it.
 */
final class Cells {
    private final ResultSet rs;
    /** The values as bound, when not reading a result (column n at index n - 1). */
    private final Object[] values;
    private int next;

    Cells(ResultSet rs) {
        this(rs, 1);
    }

    Cells(ResultSet rs, int first) {
        this.rs = rs;
        this.values = null;
        this.next = first;
    }

    private Cells(Object[] values) {
        this.rs = null;
        this.values = values;
        this.next = 1;
    }

    /** Cells holding {@code values} as a write binds them (Strings, Longs, Integers, Booleans, nulls). */
    static Cells of(Object[] values) {
        return new Cells(values);
    }

    private Object value() {
        return values[next++ - 1];
    }

    private Number number() {
        return (Number) value();
    }

    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static String wire(WireValue value) {
        return value == null ? null : value.wireValue();
    }

    String string() throws SQLException {
        return values != null ? (String) value() : rs.getString(next++);
    }

    long longValue() throws SQLException {
        if (values != null) {
            Number value = number();
            return value == null ? 0 : value.longValue();
        }
        return rs.getLong(next++);
    }

    /** A number of a left-joined row, or null when the join found none. */
    Long optionalLong() throws SQLException {
        if (values != null) {
            Number value = number();
            return value == null ? null : value.longValue();
        }
        long value = rs.getLong(next++);
        return rs.wasNull() ? null : value;
    }

    int intValue() throws SQLException {
        if (values != null) {
            Number value = number();
            return value == null ? 0 : value.intValue();
        }
        return rs.getInt(next++);
    }

    boolean bool() throws SQLException {
        return values != null ? Boolean.TRUE.equals(value()) : rs.getBoolean(next++);
    }

    Boolean nullableBool() throws SQLException {
        if (values != null) {
            return (Boolean) value();
        }
        boolean value = rs.getBoolean(next++);
        return rs.wasNull() ? null : value;
    }

    Instant instant() throws SQLException {
        if (values != null) {
            Number value = number();
            return value == null ? null : Instant.ofEpochMilli(value.longValue());
        }
        long value = rs.getLong(next++);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    <E extends Enum<E> & WireValue> E wire(Class<E> type) throws SQLException {
        int column = next;
        String value = string();
        return value == null ? null : WireValue.parse(type,
                values != null ? "column " + column : rs.getMetaData().getColumnLabel(column), value);
    }

    /** A message type (known or kept as it came), or null. */
    MessageChannel messageChannel() throws SQLException {
        String value = string();
        return value == null ? null : MessageChannel.fromWire(value);
    }

    /** Skips {@code columns} columns (a left-joined row that is absent). */
    void skip(int columns) {
        next += columns;
    }

    /** The next column to be read. */
    int position() {
        return next;
    }

    /** Goes on reading at {@code column} (past what a failed read left half read, say). */
    void moveTo(int column) {
        next = column;
    }
}
