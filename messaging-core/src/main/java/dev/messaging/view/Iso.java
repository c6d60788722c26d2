package dev.messaging.view;

import dev.messaging.common.WireValue;
import dev.messaging.error.FieldError;
import dev.messaging.error.ValidationException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * What every reference view needs: dates as ISO-8601 strings (a JSON library with default
 * settings renders them; default Jackson refuses {@code Instant}) and enums as their wire values,
 * parsed strictly with the reference's field name in the error.
 */
public final class Iso {
    private Iso() {
    }

    /** The ISO-8601 form of {@code instant} (null for null). */
    public static String date(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /** Parses an ISO-8601 instant (with Z or an offset); anything else is a validation error on {@code field}. */
    public static Instant date(String field, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, "is not an ISO-8601 date: '" + value + "'");
        }
    }

    /** The list, or null when it is empty (a field the reference leaves out rather than sends empty). */
    public static <T> List<T> orNull(List<T> list) {
        return list == null || list.isEmpty() ? null : list;
    }

    /** The wire value of {@code value} (null for null). */
    public static String wire(WireValue value) {
        return value == null ? null : value.wireValue();
    }

    /** Parses a wire value of {@code type}; an unknown one is a validation error on {@code field} (null for null). */
    public static <E extends Enum<E> & WireValue> E wire(Class<E> type, String field, String value) {
        return value == null ? null : WireValue.parse(type, field, value);
    }

    /** The same validation error with its fields under the reference API's names ({@code domain -> reference}). */
    public static ValidationException renamed(ValidationException e, Map<String, String> names) {
        return new ValidationException(e.errors().stream()
                .map(f -> new FieldError(names.getOrDefault(f.field(), f.field()), f.problem()))
                .toList());
    }

    /** True only for {@code Boolean.TRUE}. */
    public static boolean flag(Boolean value) {
        return Boolean.TRUE.equals(value);
    }
}
