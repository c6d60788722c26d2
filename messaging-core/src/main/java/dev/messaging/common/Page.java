package dev.messaging.common;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One page of a list: its {@code items}, whether more follow, the opaque cursor that fetches
 * them, and the total matching count when the query asked for it ({@code withTotal()}).
 */
public record Page<T>(List<T> items, boolean hasMore, String nextCursor, Long total) {
    public Page {
        items = List.copyOf(items);
    }

    public Optional<String> cursor() {
        return Optional.ofNullable(nextCursor);
    }

    public OptionalLong totalCount() {
        return total == null ? OptionalLong.empty() : OptionalLong.of(total);
    }
}
