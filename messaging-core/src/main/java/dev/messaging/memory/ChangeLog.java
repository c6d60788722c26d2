package dev.messaging.memory;

import dev.messaging.change.Change;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * A tenant's change feed in memory: changes in an array by sequence. Sequences are gap-free, so
 * a change's slot is its sequence less the first one held — one reference per change where a
 * sorted map spent an entry and a boxed key (measured in the heap per message). Pruned and erased
 * changes leave empty slots; the slots before the first change held are dropped when they are
 * half of the array.
 */
final class ChangeLog {
    private Change[] slots = new Change[64];
    /** The sequence of {@code slots[0]}. */
    private long base = 1;
    /** Slots in use: {@code slots[0 .. size)} hold sequences {@code base .. base + size). */
    private int size;

    /** Puts {@code change} (null: removes) at {@code sequence}; returns the change that was there. */
    Change put(long sequence, Change change) {
        if (change == null) {
            Change old = get(sequence);
            if (old != null) {
                slots[(int) (sequence - base)] = null;
                trim();
            }
            return old;
        }
        if (size == 0) {
            base = sequence;
        } else if (sequence < base) {
            // a pruned change put back (its prune undone): room at the front
            int shift = (int) (base - sequence);
            Change[] wider = new Change[Math.max(slots.length, size + shift) * 2];
            System.arraycopy(slots, 0, wider, shift, size);
            slots = wider;
            size += shift;
            base = sequence;
        }
        int at = (int) (sequence - base);
        if (at >= slots.length) {
            slots = Arrays.copyOf(slots, Math.max(at + 1, slots.length * 2));
        }
        Change old = slots[at];
        slots[at] = change;
        size = Math.max(size, at + 1);
        return old;
    }

    Change get(long sequence) {
        long at = sequence - base;
        return at >= 0 && at < size ? slots[(int) at] : null;
    }

    /** Up to {@code limit} changes after {@code after}, in order. */
    List<Change> since(long after, int limit) {
        List<Change> changes = new ArrayList<>(Math.min(limit, 256));
        for (long at = Math.max(0, after + 1 - base); at < size && changes.size() < limit; at++) {
            Change change = slots[(int) at];
            if (change != null) {
                changes.add(change);
            }
        }
        return changes;
    }

    /** Every change that {@code test} accepts, in order. */
    List<Change> where(Predicate<Change> test) {
        List<Change> changes = new ArrayList<>();
        for (int at = 0; at < size; at++) {
            if (slots[at] != null && test.test(slots[at])) {
                changes.add(slots[at]);
            }
        }
        return changes;
    }

    /** The oldest changes, in order, up to the first that {@code test} refuses. */
    List<Change> oldestWhile(Predicate<Change> test) {
        List<Change> changes = new ArrayList<>();
        for (int at = 0; at < size; at++) {
            if (slots[at] != null) {
                if (!test.test(slots[at])) {
                    break;
                }
                changes.add(slots[at]);
            }
        }
        return changes;
    }

    private void trim() {
        while (size > 0 && slots[size - 1] == null) {
            size--;
        }
        int empty = 0;
        while (empty < size && slots[empty] == null) {
            empty++;
        }
        if (size == 0) {
            base += empty;
        } else if (empty > 0 && empty >= size / 2) {
            System.arraycopy(slots, empty, slots, 0, size - empty);
            Arrays.fill(slots, size - empty, size, null);
            size -= empty;
            base += empty;
        }
    }
}
