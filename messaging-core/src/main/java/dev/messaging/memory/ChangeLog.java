package dev.messaging.memory;

import dev.messaging.change.Change;
import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.ActorKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * A tenant's change feed in memory: changes in an array by sequence. Sequences are gap-free, so
 * a change's slot is its sequence less the first one held — one reference per change where a
 * sorted map spent an entry and a boxed key (measured in the heap per message). Pruned and erased
 * changes leave empty slots; the slots before the first change held are dropped when they are
 * half of the array.
 *
 * <p>A change is kept as an {@link Entry}: its sequence is its slot, its payload a flat array of
 * keys and values instead of a map, and an actor who is the change's customer shares the
 * customer's string — 88 bytes where a {@code Change} with its payload map took 160, then an
 * actor id per change (measured in the heap per message). The {@code Change} is made again when
 * read.
 */
final class ChangeLog {
    private Entry[] slots = new Entry[64];
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
            Entry[] wider = new Entry[Math.max(slots.length, size + shift) * 2];
            System.arraycopy(slots, 0, wider, shift, size);
            slots = wider;
            size += shift;
            base = sequence;
        }
        int at = (int) (sequence - base);
        if (at >= slots.length) {
            slots = Arrays.copyOf(slots, Math.max(at + 1, slots.length * 2));
        }
        Change old = changeAt(at);
        slots[at] = Entry.of(change);
        size = Math.max(size, at + 1);
        return old;
    }

    Change get(long sequence) {
        long at = sequence - base;
        return at >= 0 && at < size ? changeAt((int) at) : null;
    }

    private Change changeAt(int at) {
        Entry entry = slots[at];
        return entry == null ? null : entry.change(base + at);
    }

    /** Up to {@code limit} changes after {@code after}, in order. */
    List<Change> since(long after, int limit) {
        List<Change> changes = new ArrayList<>(Math.min(limit, 256));
        for (long at = Math.max(0, after + 1 - base); at < size && changes.size() < limit; at++) {
            Change change = changeAt((int) at);
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
            Change change = changeAt(at);
            if (change != null && test.test(change)) {
                changes.add(change);
            }
        }
        return changes;
    }

    /** The oldest changes, in order, up to the first that {@code test} refuses. */
    List<Change> oldestWhile(Predicate<Change> test) {
        List<Change> changes = new ArrayList<>();
        for (int at = 0; at < size; at++) {
            Change change = changeAt(at);
            if (change != null) {
                if (!test.test(change)) {
                    break;
                }
                changes.add(change);
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

    /**
     * A change as held: everything but its sequence; its entity type, operation and actor kind as
     * ordinals in one int (8 bytes less than three references); the payload as keys and values in
     * turn.
     */
    private record Entry(int kinds, String entityId, long version, String actorId, String sessionId,
            Instant time, String customerId, String[] payload) {
        private static final EntityType[] ENTITY_TYPES = EntityType.values();
        private static final Operation[] OPERATIONS = Operation.values();
        private static final ActorKind[] ACTOR_KINDS = ActorKind.values();

        static Entry of(Change c) {
            int kinds = c.entityType().ordinal() | c.operation().ordinal() << 8 | c.actorKind().ordinal() << 16;
            String actorId = Objects.equals(c.actorId(), c.customerId()) ? c.customerId() : c.actorId();
            String[] payload = null;
            if (!c.payload().isEmpty()) {
                payload = new String[c.payload().size() * 2];
                int at = 0;
                for (Map.Entry<String, String> field : c.payload().entrySet()) {
                    payload[at++] = field.getKey();
                    payload[at++] = field.getValue();
                }
            }
            return new Entry(kinds, c.entityId(), c.version(), actorId, c.sessionId(), c.time(), c.customerId(),
                    payload);
        }

        Change change(long sequence) {
            Map<String, String> fields = Map.of();
            if (payload != null) {
                @SuppressWarnings("unchecked") // holds only the entries made below
                Map.Entry<String, String>[] entries = (Map.Entry<String, String>[]) new Map.Entry<?, ?>[payload.length / 2];
                for (int i = 0; i < entries.length; i++) {
                    entries[i] = Map.entry(payload[2 * i], payload[2 * i + 1]);
                }
                fields = Map.ofEntries(entries);
            }
            return new Change(sequence, ENTITY_TYPES[kinds & 0xff], entityId, version, OPERATIONS[kinds >> 8 & 0xff],
                    ACTOR_KINDS[kinds >> 16], actorId, sessionId, time, customerId, fields);
        }
    }
}
