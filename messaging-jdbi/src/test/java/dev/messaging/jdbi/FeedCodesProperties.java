package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.generated.Cases;
import dev.messaging.generated.Gen;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A change payload round-trips through its row spelling, whatever its keys and values. */
class FeedCodesProperties {

    /** Up to 6 entries of any text, empty strings included. */
    private static Map<String, String> payload(Gen gen) {
        return gen.map(6, () -> gen.unicode(0, 40), () -> gen.unicode(0, 80));
    }

    @Test
    void aPayloadReadsBackAsWritten() {
        Cases.run(1_000, gen -> {
            Map<String, String> payload = payload(gen);
            assertThat(FeedCodes.payload(FeedCodes.payload(payload, false), null)).isEqualTo(payload);
        });
    }

    @Test
    void aConversationInItsColumnReadsBackIntoThePayload() {
        Cases.run(1_000, gen -> aConversationInItsColumnReadsBackIntoThePayload(payload(gen), gen.unicode(0, 40)));
    }

    private static void aConversationInItsColumnReadsBackIntoThePayload(Map<String, String> others,
            String conversationId) {
        Map<String, String> payload = new HashMap<>(others);
        payload.put(FeedCodes.CONVERSATION_ID, conversationId);
        String row = FeedCodes.payload(payload, true);
        assertThat(FeedCodes.payload(row, null)).as("the row itself").doesNotContainKey(FeedCodes.CONVERSATION_ID);
        assertThat(FeedCodes.payload(row, conversationId)).isEqualTo(payload);
    }
}
