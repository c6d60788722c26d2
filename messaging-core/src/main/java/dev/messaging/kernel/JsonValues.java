package dev.messaging.kernel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free-form JSON values (a message's {@code metadata}): null, strings, booleans, numbers, and lists
 * and maps of them. Copied on the way in into immutable collections with numbers in one form —
 * integers as {@code Long} (or {@code BigInteger} beyond it), fractions as {@code BigDecimal} — so
 * that every store gives back the value it was given, equal and rendered the same.
 */
public final class JsonValues {
    /** How deep lists and maps may nest. */
    public static final int MAX_DEPTH = 16;

    private JsonValues() {
    }

    /** An immutable normalized copy of a map of JSON values (validated before). */
    public static Map<String, Object> copy(Map<String, Object> values) {
        if (values == null || values.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> copy.put(key, normalize(value)));
        return Collections.unmodifiableMap(copy);
    }

    private static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put((String) key, normalize(item)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(normalize(item)));
            return Collections.unmodifiableList(copy);
        }
        if (value instanceof Byte || value instanceof Short || value instanceof Integer) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        if (value instanceof Float || value instanceof Double) {
            return BigDecimal.valueOf(((Number) value).doubleValue());
        }
        return value;
    }

    /** What is wrong with a JSON value (not its strings: the validator checks those), or null. */
    public static String problemOf(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            return "nests deeper than " + MAX_DEPTH + " levels";
        }
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Long
                || value instanceof Integer || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal) {
            return null;
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? null : "is not a finite number";
        }
        if (value instanceof List<?> || value instanceof Map<?, ?>) {
            return null;
        }
        return "is a " + value.getClass().getSimpleName() + ", not a JSON value";
    }
}
