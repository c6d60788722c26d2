package dev.messaging.memory;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * Elements found by a string key they carry, in one array (open addressing, linear probing, at
 * most three quarters full). A {@code HashMap} spent a node of 32 bytes per entry; here an entry
 * costs a slot or two of a reference (measured in the heap per message). No nulls; the iterator
 * does not remove.
 *
 * @param <T> the elements; {@link #keyOf} names each one's key
 */
abstract class KeyedSlots<T> extends AbstractCollection<T> {
    private Object[] slots = new Object[4];
    private int size;

    /** The key of {@code element}; it must not change while the element is held. */
    abstract String keyOf(T element);

    @Override
    public final int size() {
        return size;
    }

    /** The element of {@code key}, or null. */
    final T get(String key) {
        return at(slotOf(key));
    }

    /** Puts {@code element} in place of the one with its key; returns that one, or null. */
    final T put(T element) {
        int slot = slotOf(keyOf(element));
        T old = at(slot);
        slots[slot] = element;
        if (old == null && ++size * 4 > slots.length * 3) {
            Object[] held = slots;
            slots = new Object[held.length * 2];
            for (Object kept : held) {
                if (kept != null) {
                    slots[slotOf(keyOf(cast(kept)))] = kept;
                }
            }
        }
        return old;
    }

    /** Takes out the element of {@code key}; returns it, or null. */
    final T removeKey(String key) {
        int hole = slotOf(key);
        T old = at(hole);
        if (old == null) {
            return null;
        }
        slots[hole] = null;
        size--;
        // close the hole: move back each later entry of the run whose home is not after the hole
        int mask = slots.length - 1;
        for (int at = (hole + 1) & mask; slots[at] != null; at = (at + 1) & mask) {
            int home = home(keyOf(at(at)));
            boolean homeBetween = hole <= at ? hole < home && home <= at : hole < home || home <= at;
            if (!homeBetween) {
                slots[hole] = slots[at];
                slots[at] = null;
                hole = at;
            }
        }
        return old;
    }

    @Override
    public final Iterator<T> iterator() {
        return new Iterator<>() {
            private int next = advance(0);

            private int advance(int from) {
                int at = from;
                while (at < slots.length && slots[at] == null) {
                    at++;
                }
                return at;
            }

            @Override
            public boolean hasNext() {
                return next < slots.length;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                T element = at(next);
                next = advance(next + 1);
                return element;
            }
        };
    }

    /** The slot holding the element of {@code key}, or the empty slot where it would go. */
    private int slotOf(String key) {
        int mask = slots.length - 1;
        int at = home(key);
        while (slots[at] != null && !keyOf(at(at)).equals(key)) {
            at = (at + 1) & mask;
        }
        return at;
    }

    private int home(String key) {
        int h = key.hashCode();
        return (h ^ (h >>> 16)) & (slots.length - 1);
    }

    private T at(int slot) {
        return cast(slots[slot]);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object element) {
        return (T) element;
    }

    @Override
    public final String toString() {
        return Arrays.toString(toArray());
    }
}
