package dev.messaging.kernel;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Free-form JSON values (a message's or a conversation's {@code metadata}): null, strings, booleans,
 * numbers, and lists and maps of them. Copied on the way in into immutable collections with
 * numbers in one form, so that every store gives back the value it was given, equal and rendered
 * the same.
 *
 * <p>The numbers kept are those every store and JSON reader keeps exactly: integers within the
 * 64-bit range (as {@code Long}), and decimals with a fraction of at most {@value #MAX_DIGITS}
 * significant digits (IEEE decimal128) and at most {@value #MAX_SCALE} digits after the point (as
 * {@code BigDecimal}, scale kept: {@code 1.50} stays {@code 1.50}). A decimal without a fraction
 * ({@code 1E+3}, a {@code double} of {@code 1e7}) is an integer. Every finite {@code double} fits.
 * A thousand-digit number or a {@code BigInteger} beyond a {@code long} is refused: JSON readers
 * refuse the one on the way back (Jackson reads at most 1,000 digits), and stores turn the other
 * into a different type.
 */
public final class JsonValues {
    /** Most significant digits of a decimal with a fraction. */
    public static final int MAX_DIGITS = 34;
    /** Most digits after the point of a decimal. */
    public static final int MAX_SCALE = 400;
    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

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
        if (value instanceof Number number) {
            BigDecimal decimal = decimal(number);
            return decimal.scale() <= 0 ? (Object) decimal.longValueExact() : decimal;
        }
        return value;
    }

    /** A number of a JSON kind as a decimal (a {@code double} by its shortest decimal form). */
    private static BigDecimal decimal(Number number) {
        if (number instanceof BigDecimal d) {
            return d;
        }
        if (number instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (number instanceof Double || number instanceof Float) {
            return BigDecimal.valueOf(number.doubleValue());
        }
        return BigDecimal.valueOf(number.longValue());
    }

    /** What is wrong with a JSON value itself (not its strings or its size), or null. */
    public static String problemOf(Object value, int depth, int maxDepth) {
        if (depth > maxDepth) {
            return "nests deeper than " + maxDepth + " levels";
        }
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof List<?>
                || value instanceof Map<?, ?>) {
            return null;
        }
        if (value instanceof Double || value instanceof Float) {
            if (!Double.isFinite(((Number) value).doubleValue())) {
                return "is not a finite number";
            }
        } else if (!(value instanceof Long || value instanceof Integer || value instanceof Short
                || value instanceof Byte || value instanceof BigInteger || value instanceof BigDecimal)) {
            return "is a " + value.getClass().getSimpleName() + ", not a JSON value";
        }
        BigDecimal decimal = decimal((Number) value);
        if (decimal.scale() <= 0) {
            return decimal.compareTo(LONG_MIN) < 0 || decimal.compareTo(LONG_MAX) > 0
                    ? "is an integer beyond the 64-bit range (" + abbreviated(decimal) + ")" : null;
        }
        if (decimal.precision() > MAX_DIGITS) {
            return "has more than " + MAX_DIGITS + " significant digits (" + decimal.precision() + ")";
        }
        return decimal.scale() > MAX_SCALE
                ? "has more than " + MAX_SCALE + " digits after the point (" + decimal.scale() + ")" : null;
    }

    private static String abbreviated(BigDecimal decimal) {
        String text = decimal.toString();
        return text.length() <= 40 ? text : text.substring(0, 20) + "... " + decimal.precision() + " digits";
    }

    /**
     * The size of a valid JSON value as compact JSON in UTF-8, in bytes (what a store keeps of it,
     * give or take the store's own framing); linear in the value.
     */
    public static long encodedSize(Object value) {
        if (value == null) {
            return 4;
        }
        if (value instanceof String text) {
            return stringSize(text);
        }
        if (value instanceof Map<?, ?> map) {
            long size = 2 + Math.max(0, map.size() - 1);
            for (Map.Entry<?, ?> e : map.entrySet()) {
                size += stringSize(String.valueOf(e.getKey())) + 1 + encodedSize(e.getValue());
            }
            return size;
        }
        if (value instanceof List<?> list) {
            long size = 2 + Math.max(0, list.size() - 1);
            for (Object item : list) {
                size += encodedSize(item);
            }
            return size;
        }
        return value.toString().length();
    }

    /** A string's size as a JSON string in UTF-8: its quotes, its escapes, its bytes. */
    public static long stringSize(String text) {
        long size = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\' || c == '\n' || c == '\r' || c == '\t' || c == '\b' || c == '\f') {
                size += 2;
            } else if (c < 0x20) {
                size += 6;
            } else if (c < 0x80) {
                size += 1;
            } else if (c < 0x800) {
                size += 2;
            } else if (Character.isHighSurrogate(c)) {
                size += 4;
                i++;
            } else {
                size += 3;
            }
        }
        return size;
    }

    /** How many keys a valid JSON value holds, counting those of nested maps. */
    public static int keyCount(Object value) {
        int count = 0;
        if (value instanceof Map<?, ?> map) {
            count += map.size();
            for (Object item : map.values()) {
                count += keyCount(item);
            }
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                count += keyCount(item);
            }
        }
        return count;
    }
}
