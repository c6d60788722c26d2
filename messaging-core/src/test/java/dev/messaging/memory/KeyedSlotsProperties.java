package dev.messaging.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.generated.Cases;
import dev.messaging.generated.Gen;
import dev.messaging.message.Message;
import dev.messaging.spi.MessageRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The open-addressing tables against the JDK's: {@link DocumentSet} against a {@code HashSet},
 * {@link MessageRows} against a {@code HashMap} by id, on random adds, replacements and removes
 * of keys from a small pool (so that removes hit, probe runs form and wrap around, and the array
 * grows).
 */
class KeyedSlotsProperties {

    @Test
    void addsAndRemovesMatchAHashSet() {
        Cases.run(300, gen -> addsAndRemovesMatchAHashSet(steps(gen)));
    }

    private static void addsAndRemovesMatchAHashSet(List<Integer> steps) {
        DocumentSet set = new DocumentSet();
        Set<String> model = new HashSet<>();
        List<String> pool = keys();
        for (int step : steps) {
            String document = pool.get(Math.abs(step));
            if (step >= 0) {
                assertThat(set.add(document)).isEqualTo(model.add(document));
            } else {
                assertThat(set.remove(document)).isEqualTo(model.remove(document));
            }
            assertThat(set.size()).isEqualTo(model.size());
        }
        assertThat(new HashSet<>(set)).isEqualTo(model);
        assertThat(set).hasSize(model.size());
        for (String document : pool) {
            assertThat(set.contains(document)).as(document).isEqualTo(model.contains(document));
        }
    }

    @Test
    void putsReplacementsAndRemovesMatchAHashMap() {
        Cases.run(300, gen -> putsReplacementsAndRemovesMatchAHashMap(steps(gen)));
    }

    private static void putsReplacementsAndRemovesMatchAHashMap(List<Integer> steps) {
        MessageRows rows = new MessageRows();
        Map<String, MessageRow> model = new HashMap<>();
        List<String> pool = keys();
        int version = 0;
        for (int step : steps) {
            String id = pool.get(Math.abs(step));
            if (step >= 0) {
                MessageRow row = new MessageRow(Message.builder().id(id).text("v" + version++).build(), step, version);
                assertThat(rows.put(row)).isEqualTo(model.put(id, row));
            } else {
                assertThat(rows.removeKey(id)).isEqualTo(model.remove(id));
            }
            assertThat(rows.size()).isEqualTo(model.size());
        }
        assertThat(new HashSet<>(rows)).isEqualTo(new HashSet<>(model.values()));
        for (String id : pool) {
            assertThat(rows.get(id)).as(id).isEqualTo(model.get(id));
        }
    }

    /** Up to 400 steps: a key of the pool by index, added (0..60) or removed (-60..-1). */
    private static List<Integer> steps(Gen gen) {
        return gen.list(0, 400, () -> gen.between(-60, 60));
    }

    /** 61 keys, some with equal hash codes. */
    private static List<String> keys() {
        List<String> pool = new ArrayList<>();
        for (int i = 0; i <= 60; i++) {
            pool.add(i % 3 == 0 ? "Aa" + "BB".repeat(i % 4) + i : "doc-" + i);
        }
        return pool;
    }
}
