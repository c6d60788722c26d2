package dev.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Thread ids, encoded by hand, are exactly the JDK's URL-safe Base64 and parse back. */
class ThreadIdTest {

    @Test
    void encodedAsTheJdkWouldAndParsedBack() {
        Random random = new Random(20261125);
        for (int round = 0; round < 20_000; round++) {
            String conversation = text(random, random.nextInt(40));
            String user = text(random, 1 + random.nextInt(20));
            String expected = "th_" + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((conversation + "\n" + user).getBytes(StandardCharsets.UTF_8));
            String id = ThreadViews.threadId(conversation, user);
            assertThat(id).as("%s / %s", conversation, user).isEqualTo(expected);
            if (!conversation.isEmpty() && !conversation.contains("\n") && isWellFormed(conversation + user)) {
                assertThat(ThreadViews.parseThreadId(id)).get().satisfies(parts -> {
                    assertThat(parts[0]).isEqualTo(conversation);
                    assertThat(parts[1]).isEqualTo(user);
                });
            }
        }
    }

    /** ASCII mostly, with two- and three-byte characters and emoji (four bytes). */
    private static String text(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            text.appendCodePoint(kind < 6 ? 33 + random.nextInt(94) : kind < 8 ? 0xA0 + random.nextInt(0x700)
                    : kind < 9 ? 0x4E00 + random.nextInt(0x5000) : 0x1F600 + random.nextInt(64));
        }
        return text.toString();
    }

    private static boolean isWellFormed(String s) {
        return s.equals(new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
}
