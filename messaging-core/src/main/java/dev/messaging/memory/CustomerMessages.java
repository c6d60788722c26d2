package dev.messaging.memory;

import dev.messaging.spi.MessageRow;
import java.util.Arrays;

/**
 * One conversation's customer messages, by their number (1, 2, 3, … in order of arrival): what the
 * unread count and the unread timestamp of every inbox row are computed from. An array, not a
 * sorted map: numbers are dense, and creation feed sequences rise with them, so the number at a
 * sequence is a binary search and the first live message after a read point is the next slots —
 * no tree to walk per row, and a slot per message instead of a map entry and a boxed key.
 * Numbers of deleted messages are kept sorted beside it (deletions are rare), for their count
 * after a read point.
 */
final class CustomerMessages {
    private MessageRow[] rows = new MessageRow[4];
    /** The highest number held. */
    private int size;
    private int[] deleted = new int[0];

    boolean isEmpty() {
        return size == 0;
    }

    /** Puts {@code row} at its number, replacing the row that was there. */
    void put(MessageRow row) {
        int number = row.customerNumber();
        if (number > rows.length) {
            rows = Arrays.copyOf(rows, Math.max(number, rows.length * 2));
        }
        MessageRow old = rows[number - 1];
        rows[number - 1] = row;
        size = Math.max(size, number);
        boolean wasDeleted = old != null && old.message().deleted();
        if (wasDeleted != row.message().deleted()) {
            if (wasDeleted) {
                unmarkDeleted(number);
            } else {
                markDeleted(number);
            }
        }
    }

    /** Removes the row of {@code number} (an insert undone, or the conversation erased). */
    void remove(int number) {
        MessageRow old = rows[number - 1];
        rows[number - 1] = null;
        if (old != null && old.message().deleted()) {
            unmarkDeleted(number);
        }
        while (size > 0 && rows[size - 1] == null) {
            size--;
        }
    }

    /** The first message after {@code number} that is not deleted, or null; {@code visits} counts the slots read. */
    MessageRow firstLiveAfter(int number, long[] visits) {
        for (int n = Math.max(number, 0) + 1; n <= size; n++) {
            visits[0]++;
            MessageRow row = rows[n - 1];
            if (row != null && !row.message().deleted()) {
                return row;
            }
        }
        return null;
    }

    /** The newest message that is not deleted, or null; {@code visits} counts the slots read. */
    MessageRow newestLive(long[] visits) {
        for (int n = size; n >= 1; n--) {
            visits[0]++;
            MessageRow row = rows[n - 1];
            if (row != null && !row.message().deleted()) {
                return row;
            }
        }
        return null;
    }

    /** The highest number created at or before feed sequence {@code feedSeq}, 0 for none. */
    int numberAt(long feedSeq) {
        int lo = 1;
        int hi = size;
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int n = mid;
            while (n >= lo && rows[n - 1] == null) {
                n--; // a hole left by an erasure in progress: look at the nearest row below
            }
            if (n < lo) {
                lo = mid + 1;
            } else if (rows[n - 1].feedSeq() <= feedSeq) {
                found = n;
                lo = mid + 1;
            } else {
                hi = n - 1;
            }
        }
        return found;
    }

    /** How many deleted messages have a number above {@code number}. */
    int deletedAfter(int number) {
        int at = Arrays.binarySearch(deleted, number);
        int firstAbove = at >= 0 ? at + 1 : -at - 1;
        return deleted.length - firstAbove;
    }

    private void markDeleted(int number) {
        int at = -Arrays.binarySearch(deleted, number) - 1;
        int[] more = new int[deleted.length + 1];
        System.arraycopy(deleted, 0, more, 0, at);
        more[at] = number;
        System.arraycopy(deleted, at, more, at + 1, deleted.length - at);
        deleted = more;
    }

    private void unmarkDeleted(int number) {
        int at = Arrays.binarySearch(deleted, number);
        int[] fewer = new int[deleted.length - 1];
        System.arraycopy(deleted, 0, fewer, 0, at);
        System.arraycopy(deleted, at + 1, fewer, at, deleted.length - at - 1);
        deleted = fewer;
    }
}
