package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;

/** A change payload round-trips through its row spelling, whatever its keys and values. */
class FeedCodesProperties {

    @Property
    void aPayloadReadsBackAsWritten(@ForAll @Size(max = 6) Map<String, String> payload) {
        assertThat(FeedCodes.payload(FeedCodes.payload(payload, false), null)).isEqualTo(payload);
    }

    @Property
    void aConversationInItsColumnReadsBackIntoThePayload(@ForAll @Size(max = 6) Map<String, String> others,
            @ForAll String conversationId) {
        Map<String, String> payload = new HashMap<>(others);
        payload.put(FeedCodes.CONVERSATION_ID, conversationId);
        String row = FeedCodes.payload(payload, true);
        assertThat(FeedCodes.payload(row, null)).as("the row itself").doesNotContainKey(FeedCodes.CONVERSATION_ID);
        assertThat(FeedCodes.payload(row, conversationId)).isEqualTo(payload);
    }
}
