package dev.messaging.jmh;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link BesideTheFloor} on a tiny SQLite data set: a round per line, then the medians and their ratios. */
class BesideTheFloorTest {
    private static final String TIME = " [0-9]+\\.[0-9] µs";
    private static final String RATIO = " \\([0-9]+\\.[0-9]{2}× the floor\\)";

    @Test
    void pagesArePrintedBesideTheKeysFloor() throws Exception {
        assertThat(summary(true)).matches("median of rounds 2-3: floorInboxKeys" + TIME + " inboxFirstPage" + TIME
                + RATIO + " inboxDeepPage" + TIME + RATIO + " inboxUnreadOnly" + TIME + RATIO);
    }

    @Test
    void theWritePairIsPrintedBesideItsFloor() throws Exception {
        assertThat(summary(false)).matches("median of rounds 2-3: floorWritePair" + TIME + " createAndMarkRead" + TIME
                + RATIO);
    }

    private static String summary(boolean pages) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BesideTheFloor.measure(pages, 1000, 3, new PrintStream(bytes, true, UTF_8));
        List<String> lines = bytes.toString(UTF_8).lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).startsWith("round 1 (warm-up):");
        return lines.get(3);
    }
}
