package dev.messaging.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.message.Message;
import dev.messaging.spi.MessageRow;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The open-addressing tables against the JDK's: {@link DocumentSet} against a {@code HashSet},
 * {@link MessageRows} against a {@code HashMap} by id, on random adds, replacements and removes
 * of keys from a small pool (so that removes hit, probe runs form and wrap around, and the array
 * grows).
 */
class KeyedSlotsProperties {

    @Property(tries = 300)
    void addsAndRemovesMatchAHashSet(@ForAll @Size(max = 400) List<@IntRange(min = -60, max = 60) Integer> steps) {
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

    @Property(tries = 300)
    void putsReplacementsAndRemovesMatchAHashMap(
            @ForAll @Size(max = 400) List<@IntRange(min = -60, max = 60) Integer> steps) {
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

    /** 61 keys, some with equal hash codes. */
    private static List<String> keys() {
        List<String> pool = new ArrayList<>();
        for (int i = 0; i <= 60; i++) {
            pool.add(i % 3 == 0 ? "Aa" + "BB".repeat(i % 4) + i : "doc-" + i);
        }
        return pool;
    }
}
