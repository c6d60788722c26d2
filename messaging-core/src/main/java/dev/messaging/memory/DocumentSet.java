package dev.messaging.memory;

import java.util.AbstractCollection;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The documents of one search token, in one array (open addressing, linear probing, at most three
 * quarters full). A token found in many documents ("my", "car") held them in a {@code HashSet},
 * a node of 32 bytes per document; here a document costs a slot or two of a reference. Measured
 * in the heap per message. No nulls; the iterator does not remove.
 */
final class DocumentSet extends AbstractCollection<String> {
    private String[] slots = new String[4];
    private int size;

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof String document && slots[slotOf(document)] != null;
    }

    @Override
    public boolean add(String document) {
        int at = slotOf(document);
        if (slots[at] != null) {
            return false;
        }
        slots[at] = document;
        if (++size * 4 > slots.length * 3) {
            String[] old = slots;
            slots = new String[old.length * 2];
            for (String kept : old) {
                if (kept != null) {
                    slots[slotOf(kept)] = kept;
                }
            }
        }
        return true;
    }

    @Override
    public boolean remove(Object o) {
        if (!(o instanceof String document)) {
            return false;
        }
        int hole = slotOf(document);
        if (slots[hole] == null) {
            return false;
        }
        slots[hole] = null;
        size--;
        // close the hole: move back each later entry of the run whose home is not after the hole
        int mask = slots.length - 1;
        for (int at = (hole + 1) & mask; slots[at] != null; at = (at + 1) & mask) {
            int home = home(slots[at]);
            boolean homeBetween = hole <= at ? hole < home && home <= at : hole < home || home <= at;
            if (!homeBetween) {
                slots[hole] = slots[at];
                slots[at] = null;
                hole = at;
            }
        }
        return true;
    }

    @Override
    public Iterator<String> iterator() {
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
            public String next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                String document = slots[next];
                next = advance(next + 1);
                return document;
            }
        };
    }

    /** The slot holding {@code document}, or the empty slot where it would go. */
    private int slotOf(String document) {
        int mask = slots.length - 1;
        int at = home(document);
        while (slots[at] != null && !slots[at].equals(document)) {
            at = (at + 1) & mask;
        }
        return at;
    }

    private int home(String document) {
        int h = document.hashCode();
        return (h ^ (h >>> 16)) & (slots.length - 1);
    }

    @Override
    public String toString() {
        return Arrays.toString(toArray());
    }
}
