package dev.messaging.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.messaging.error.ValidationException;
import dev.messaging.message.MessageChannel;
import dev.messaging.view.leadconnector.ConversationDto;
import dev.messaging.view.leadconnector.ConversationSchema;
import dev.messaging.view.leadconnector.GetEmailMessageResponseDto;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Values the library does not know — a message type, a conversation type, a status word — in
 * generated payloads: the payload parses with a plain mapper and renders back as it came, and a
 * message type reaches the domain as it came (its storage is in the contract suite). Only a
 * malformed type is refused, naming its field.
 */
class ForwardCompatibilityProperties {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KNOWN = MessageChannel.values().stream().map(MessageChannel::wireValue)
            .collect(Collectors.toSet());

    @Provide
    Arbitrary<String> messageTypes() {
        return Arbitraries.oneOf(Arbitraries.of(List.copyOf(KNOWN)),
                Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_").ofMinLength(1).ofMaxLength(59)
                        .map(s -> "TYPE_" + s));
    }

    @Provide
    Arbitrary<String> words() {
        return Arbitraries.strings().alpha().numeric().withChars("_- ").ofMinLength(1).ofMaxLength(30);
    }

    @Property(tries = 500)
    void aMessageTypeComesBackAsItCame(@ForAll("messageTypes") String wire) {
        MessageChannel type = MessageChannel.fromWire(wire);
        assertThat(type.wireValue()).isEqualTo(wire);
        assertThat(type.isKnown()).isEqualTo(KNOWN.contains(wire));
        assertThat(MessageChannel.fromWire(wire)).isEqualTo(type);
    }

    @Property(tries = 300)
    void malformedMessageTypesAreRefusedNamingTheField(@ForAll("words") String word) {
        String malformed = word + (word.length() % 2 == 0 ? " " : "-");
        assertThatThrownBy(() -> MessageChannel.fromWire(malformed)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fields()).containsExactly("channel"));
    }

    @Property(tries = 300)
    void leadConnectorConversationsWithAnyTypeParseAndRenderBack(@ForAll("messageTypes") String lastMessageType,
            @ForAll("words") String conversationType, @ForAll("words") String body) throws Exception {
        ObjectNode schema = JSON.createObjectNode().put("id", "c1").put("lastMessageType", lastMessageType)
                .put("type", conversationType).put("lastMessageBody", body).put("unreadCount", 2);
        roundTrip(schema, ConversationSchema.class);
        ObjectNode dto = JSON.createObjectNode().put("id", "c1").put("lastMessageType", lastMessageType)
                .put("lastMessageDate", "1628008053263").put("starred", true);
        roundTrip(dto, ConversationDto.class);
    }

    @Property(tries = 200)
    void leadConnectorEmailsWithAnyStatusOrSourceParseAndRenderBack(@ForAll("words") String status,
            @ForAll("words") String source) throws Exception {
        ObjectNode email = JSON.createObjectNode().put("id", "m1").put("status", status).put("source", source)
                .put("direction", "outbound");
        email.putArray("to").add("a@example.com");
        roundTrip(email, GetEmailMessageResponseDto.class);
    }

    private static void roundTrip(JsonNode payload, Class<?> view) throws Exception {
        Object parsed = new ObjectMapper().treeToValue(payload, view);
        ReferenceExamplesTest.assertSameFields(view.getSimpleName(), payload, new ObjectMapper().valueToTree(parsed));
    }
}
