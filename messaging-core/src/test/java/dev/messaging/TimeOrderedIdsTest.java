package dev.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The default ids: UUID version 7 layout, in order, unique across threads and generators. */
class TimeOrderedIdsTest {

    @Test
    void idsAreVersionSevenUuidsInTheOrderTheyWereMade() {
        IdGenerator ids = IdGenerator.timeOrdered();
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            made.add(ids.newId());
        }
        for (String id : made) {
            assertThat(id).hasSize(32).matches("[0-9a-f]{32}");
            UUID uuid = UUID.fromString(id.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
            assertThat(uuid.version()).isEqualTo(7);
            assertThat(uuid.variant()).isEqualTo(2);
        }
        assertThat(made).isSorted().doesNotHaveDuplicates();
        long millis = Long.parseLong(made.get(0).substring(0, 12), 16);
        assertThat(Math.abs(millis - System.currentTimeMillis())).isLessThan(60_000);
    }

    @Test
    void idsOfManyThreadsAndTwoGeneratorsNeverRepeat() throws Exception {
        IdGenerator one = IdGenerator.timeOrdered();
        IdGenerator two = IdGenerator.timeOrdered();
        Set<String> all = ConcurrentHashMap.newKeySet();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            IdGenerator ids = t % 2 == 0 ? one : two;
            work.add(threads.submit(() -> {
                Set<String> mine = new HashSet<>();
                for (int i = 0; i < 50_000; i++) {
                    mine.add(ids.newId());
                }
                all.addAll(mine);
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        threads.shutdown();
        assertThat(all).hasSize(8 * 50_000);
    }
}
