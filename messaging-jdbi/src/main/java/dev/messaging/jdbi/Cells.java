package dev.messaging.jdbi;

import dev.messaging.common.WireValue;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/** Reads and writes single cells the way the schema stores them: times as epoch millis, enums by wire value. */
final class Cells {
    private Cells() {
    }

    static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    static String wire(WireValue value) {
        return value == null ? null : value.wireValue();
    }

    static Instant instant(ResultSet rs, int column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(value);
    }

    static Boolean bool(ResultSet rs, int column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    static <E extends Enum<E> & WireValue> E wire(ResultSet rs, int column, Class<E> type) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : WireValue.parse(type, "column " + column, value);
    }
}
