package dev.messaging.memory;

import dev.messaging.spi.PagePosition;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A conversation's messages oldest first by (created date, id): two parallel arrays, kept sorted.
 * A sorted map spent an entry and a position key per message (measured in the heap per message);
 * here a message costs two references. Messages mostly arrive newest, so an insert is mostly an
 * append; an import out of order shifts the later ones.
 */
final class ConversationMessages {
    private Instant[] dates = new Instant[8];
    private String[] ids = new String[8];
    private int size;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The id at {@code index} (oldest first). */
    String id(int index) {
        return ids[index];
    }

    /** Every id, oldest first (a copy). */
    List<String> ids() {
        return List.of(Arrays.copyOf(ids, size));
    }

    void put(Instant date, String id) {
        int at = search(date, id);
        if (at >= 0) {
            return;
        }
        at = -at - 1;
        if (size == ids.length) {
            dates = Arrays.copyOf(dates, size * 2);
            ids = Arrays.copyOf(ids, size * 2);
        }
        System.arraycopy(dates, at, dates, at + 1, size - at);
        System.arraycopy(ids, at, ids, at + 1, size - at);
        dates[at] = date;
        ids[at] = id;
        size++;
    }

    void remove(Instant date, String id) {
        int at = search(date, id);
        if (at < 0) {
            return;
        }
        System.arraycopy(dates, at + 1, dates, at, size - at - 1);
        System.arraycopy(ids, at + 1, ids, at, size - at - 1);
        size--;
        dates[size] = null;
        ids[size] = null;
    }

    /** The index of the first message after {@code position} ({@link #size()} if none). */
    int firstAfter(PagePosition position) {
        int at = search(position.date(), position.id());
        return at >= 0 ? at + 1 : -at - 1;
    }

    /** The index of the last message before {@code position} (-1 if none). */
    int lastBefore(PagePosition position) {
        int at = search(position.date(), position.id());
        return (at >= 0 ? at : -at - 1) - 1;
    }

    /** Binary search by (date, id): the index, or -(insertion point) - 1. */
    private int search(Instant date, String id) {
        int low = 0;
        int high = size - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            int c = dates[mid].compareTo(date);
            if (c == 0) {
                c = ids[mid].compareTo(id);
            }
            if (c < 0) {
                low = mid + 1;
            } else if (c > 0) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -(low + 1);
    }
}
