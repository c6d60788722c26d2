package dev.messaging.common;

import java.util.List;

/**
 * One page of a list: its {@code items}, whether more follow ({@code hasMore}), the opaque cursor
 * that fetches them ({@code nextCursor}, null on the last page: pass it to the query's
 * {@code after}), and the total matching count when the query asked for it ({@code withTotal()};
 * null otherwise, since counting costs a scan).
 */
public record Page<T>(List<T> items, boolean hasMore, String nextCursor, Long total) {
    public Page {
        items = List.copyOf(items);
    }
}
