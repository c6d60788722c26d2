package dev.messaging.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.change.Change;
import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.ActorKind;
import dev.messaging.generated.Cases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link ChangeLog} holds what a sorted map by sequence would, whatever the order of appends,
 * prunes, erasures and undone ones (changes put back below the first held).
 */
class ChangeLogProperties {

    @Test
    void holdsWhatASortedMapWould() {
        Cases.run(300, gen -> holdsWhatASortedMapWould(gen.list(0, 80, () -> gen.between(0, 400))));
    }

    private static void holdsWhatASortedMapWould(List<Integer> operations) {
        ChangeLog log = new ChangeLog();
        TreeMap<Long, Change> model = new TreeMap<>();
        long head = 0;
        for (int op : operations) {
            int kind = Math.floorMod(op, 4);
            long sequence = 1 + Math.floorDiv(op, 4) % Math.max(1, head + 3);
            Change change;
            if (kind < 2) {
                sequence = ++head; // an append
                change = change(sequence);
            } else if (kind == 2) {
                change = null; // a prune or an erasure
            } else {
                change = sequence <= head ? change(sequence) : null; // a prune undone, or an erased payload
            }
            Change expectedOld = change == null ? model.remove(sequence) : model.put(sequence, change);
            assertThat(log.put(sequence, change)).as("previous at %d", sequence).isEqualTo(expectedOld);
            for (long after = -1; after <= head + 1; after++) {
                List<Change> expected = new ArrayList<>(model.tailMap(after, false).values());
                assertThat(log.since(after, Integer.MAX_VALUE)).as("since %d", after).isEqualTo(expected);
                assertThat(log.since(after, 2)).isEqualTo(expected.subList(0, Math.min(2, expected.size())));
                assertThat(log.get(after)).isEqualTo(model.get(after));
            }
            assertThat(log.where(c -> c.version() % 2 == 0)).isEqualTo(model.values().stream()
                    .filter(c -> c.version() % 2 == 0).toList());
        }
    }

    /** Changes of every kind the log packs: enums, a customer actor, a payload or none. */
    private static Change change(long sequence) {
        int n = (int) sequence;
        String customerId = n % 3 == 0 ? null : "cust-" + n % 5;
        String actorId = n % 2 == 0 ? customerId : "user-" + n;
        Map<String, String> payload = n % 4 == 0 ? Map.of()
                : Map.of("conversationId", "c" + n, "text", "text " + n, "authorType", "Customer");
        return new Change(sequence, EntityType.values()[n % EntityType.values().length], "m" + sequence, sequence,
                Operation.values()[n % Operation.values().length], ActorKind.values()[n % ActorKind.values().length],
                actorId, n % 5 == 0 ? "session-" + n : null, Instant.EPOCH.plusSeconds(sequence), customerId, payload);
    }
}
