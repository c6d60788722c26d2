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
 */
final class Cells {
    private final ResultSet rs;
    private int next;

    Cells(ResultSet rs) {
        this(rs, 1);
    }

    Cells(ResultSet rs, int first) {
        this.rs = rs;
        this.next = first;
    }

    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static String wire(WireValue value) {
        return value == null ? null : value.wireValue();
    }

    String string() throws SQLException {
        return rs.getString(next++);
    }

    long longValue() throws SQLException {
        return rs.getLong(next++);
    }

    /** A number of a left-joined row, or null when the join found none. */
    Long optionalLong() throws SQLException {
        long value = rs.getLong(next++);
        return rs.wasNull() ? null : value;
    }

    int intValue() throws SQLException {
        return rs.getInt(next++);
    }

    boolean bool() throws SQLException {
        return rs.getBoolean(next++);
    }

    Boolean nullableBool() throws SQLException {
        boolean value = rs.getBoolean(next++);
        return rs.wasNull() ? null : value;
    }

    Instant instant() throws SQLException {
        long value = rs.getLong(next++);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    <E extends Enum<E> & WireValue> E wire(Class<E> type) throws SQLException {
        int column = next++;
        String value = rs.getString(column);
        return value == null ? null : WireValue.parse(type, rs.getMetaData().getColumnLabel(column), value);
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
}
