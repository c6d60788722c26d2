package dev.messaging.kernel;

import dev.messaging.kernel.Validator;
import dev.messaging.spi.PagePosition;
import dev.messaging.common.Page;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.time.Instant;
import java.util.Base64;
import java.util.zip.CRC32;

/**
 * Opaque keyset cursors: the last row's date and id, and a fingerprint of the filters the page
 * was read with. A cursor that does not decode, or that comes back with other filters, is a
 * validation error on the cursor's field.
 */
public final class Cursors {
    private static final String VERSION = "c1";

    private Cursors() {
    }

    /** The opaque cursor of {@code position} for a query with {@code filters}. */
    public static String encode(PagePosition position, String filters) {
        String raw = VERSION + '|' + position.date().toEpochMilli() + '|' + fingerprint(filters) + '|' + position.id();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor, or returns null for a null cursor; records problems in {@code validator}. */
    public static PagePosition decode(Validator validator, String field, String cursor, String filters) {
        if (cursor == null) {
            return null;
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 4);
        } catch (IllegalArgumentException e) {
            validator.add(field, "is not a cursor this library issued");
            return null;
        }
        if (parts.length != 4 || !VERSION.equals(parts[0]) || parts[3].isEmpty()) {
            validator.add(field, "is not a cursor this library issued");
            return null;
        }
        long millis;
        try {
            millis = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            validator.add(field, "is not a cursor this library issued");
            return null;
        }
        if (!fingerprint(filters).equals(parts[2])) {
            validator.add(field, "was issued for other filters; start again without a cursor");
            return null;
        }
        return new PagePosition(Instant.ofEpochMilli(millis), parts[3]);
    }

    private static String fingerprint(String filters) {
        CRC32 crc = new CRC32();
        crc.update(filters.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }

    /**
     * The page of {@code items} (already cut to the query's limit): when {@code hasMore}, its
     * cursor names the position of its edge row — the last, or the first for a page read backwards
     * ({@code edgeFirst}) — for a query with {@code filters}.
     */
    public static <T> Page<T> page(List<T> items, boolean hasMore, boolean edgeFirst,
            Function<T, PagePosition> position, String filters, Long total) {
        String next = null;
        if (hasMore) {
            next = encode(position.apply(edgeFirst ? items.get(0) : items.get(items.size() - 1)), filters);
        }
        return new Page<>(items, hasMore, next, total);
    }
}
