package dev.messaging.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * {@link DocumentSet} against a {@code HashSet} on random adds and removes of documents from a
 * small pool (so that removes hit, probe runs form and wrap around, and the array grows).
 */
class DocumentSetProperties {

    @Property(tries = 300)
    void addsAndRemovesMatchAHashSet(@ForAll @Size(max = 400) List<@IntRange(min = -60, max = 60) Integer> steps) {
        DocumentSet set = new DocumentSet();
        Set<String> model = new HashSet<>();
        List<String> pool = new ArrayList<>();
        for (int i = 0; i <= 60; i++) {
            pool.add(i % 3 == 0 ? "Aa" + "BB".repeat(i % 4) + i : "doc-" + i); // some equal hash codes
        }
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
}
