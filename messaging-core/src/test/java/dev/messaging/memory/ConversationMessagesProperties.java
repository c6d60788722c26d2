package dev.messaging.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.generated.Cases;
import dev.messaging.spi.PagePosition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link ConversationMessages} holds and pages what a sorted map by (date, id) would, whatever the
 * order of inserts (imports arrive out of order, dates tie) and removes.
 */
class ConversationMessagesProperties {

    @Test
    void holdsAndPagesWhatASortedMapWould() {
        Cases.run(300, gen -> holdsAndPagesWhatASortedMapWould(gen.list(0, 200, () -> gen.between(-40, 40)),
                gen.between(0, 12), gen.between(0, 40)));
    }

    private static void holdsAndPagesWhatASortedMapWould(List<Integer> steps, int probeDate, int probeId) {
        ConversationMessages messages = new ConversationMessages();
        TreeMap<PagePosition, String> model = new TreeMap<>(TenantData.OLDEST_FIRST);
        for (int step : steps) {
            int n = Math.abs(step);
            PagePosition position = position(n % 12, n);
            if (step >= 0) {
                messages.put(position.date(), position.id());
                model.put(position, position.id());
            } else {
                messages.remove(position.date(), position.id());
                model.remove(position);
            }
        }
        assertThat(messages.ids()).containsExactlyElementsOf(model.values());
        PagePosition probe = position(probeDate, probeId);
        List<String> after = new ArrayList<>();
        for (int at = messages.firstAfter(probe); at < messages.size(); at++) {
            after.add(messages.id(at));
        }
        assertThat(after).containsExactlyElementsOf(model.tailMap(probe, false).values());
        List<String> before = new ArrayList<>();
        for (int at = messages.lastBefore(probe); at >= 0; at--) {
            before.add(messages.id(at));
        }
        assertThat(before).containsExactlyElementsOf(model.headMap(probe, false).descendingMap().values());
    }

    private static PagePosition position(int minute, int id) {
        return new PagePosition(Instant.EPOCH.plusSeconds(60L * minute), String.format("m-%02d", id));
    }
}
