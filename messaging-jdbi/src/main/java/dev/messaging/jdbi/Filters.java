package dev.messaging.jdbi;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.Query;

/**
 * A query's optional conditions with their bound values, each added only when its filter is set,
 * so that the statement text and its binds cannot disagree.
 */
final class Filters {
    private final StringBuilder sql;
    private final Map<String, Object> values = new LinkedHashMap<>();

    /** Conditions after {@code sql} (which ends in a WHERE clause of its own). */
    Filters(String sql) {
        this.sql = new StringBuilder(sql);
    }

    /** Adds {@code AND condition} binding {@code name} to {@code value}, when {@code value} is not null. */
    Filters and(String condition, String name, Object value) {
        if (value != null) {
            sql.append(" AND ").append(condition);
            values.put(name, value);
        }
        return this;
    }

    /** Adds {@code AND condition} binding two names, when {@code set}. */
    Filters and(boolean set, String condition, String name, Object value, String otherName, Object otherValue) {
        if (set) {
            sql.append(" AND ").append(condition);
            values.put(name, value);
            values.put(otherName, otherValue);
        }
        return this;
    }

    /** The query of {@code tx} with these conditions, then {@code tail} (order, limit), every value bound. */
    Query query(JdbiTransaction tx, String tail) {
        Query query = tx.query(sql + tail);
        values.forEach(query::bind);
        return query;
    }
}
