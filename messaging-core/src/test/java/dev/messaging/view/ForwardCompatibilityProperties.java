package dev.messaging.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.messaging.error.ValidationException;
import dev.messaging.generated.Cases;
import dev.messaging.generated.Gen;
import dev.messaging.message.MessageChannel;
import dev.messaging.view.leadconnector.ConversationDto;
import dev.messaging.view.leadconnector.ConversationSchema;
import dev.messaging.view.leadconnector.GetEmailMessageResponseDto;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

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

    /** A known message type or a new one: {@code TYPE_} and 1..59 of A-Z, 0-9 and underscore. */
    private static String messageType(Gen gen) {
        return gen.chance(0.5) ? gen.oneOf(List.copyOf(KNOWN))
                : "TYPE_" + gen.string(1, 59, "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
    }

    /** 1..30 letters, digits, underscores, dashes and spaces. */
    private static String word(Gen gen) {
        return gen.string(1, 30, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_- ");
    }

    @Test
    void aMessageTypeComesBackAsItCame() {
        Cases.run(500, gen -> aMessageTypeComesBackAsItCame(messageType(gen)));
    }

    private static void aMessageTypeComesBackAsItCame(String wire) {
        MessageChannel type = MessageChannel.fromWire(wire);
        assertThat(type.wireValue()).isEqualTo(wire);
        assertThat(type.isKnown()).isEqualTo(KNOWN.contains(wire));
        assertThat(MessageChannel.fromWire(wire)).isEqualTo(type);
    }

    @Test
    void malformedMessageTypesAreRefusedNamingTheField() {
        Cases.run(300, gen -> malformedMessageTypeIsRefusedNamingTheField(word(gen)));
    }

    private static void malformedMessageTypeIsRefusedNamingTheField(String word) {
        String malformed = word + (word.length() % 2 == 0 ? " " : "-");
        assertThatThrownBy(() -> MessageChannel.fromWire(malformed)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fields()).containsExactly("channel"));
    }

    @Test
    void leadConnectorConversationsWithAnyTypeParseAndRenderBack() {
        Cases.run(300, gen -> leadConnectorConversationParsesAndRendersBack(messageType(gen), word(gen), word(gen)));
    }

    private static void leadConnectorConversationParsesAndRendersBack(String lastMessageType, String conversationType,
            String body) {
        ObjectNode schema = JSON.createObjectNode().put("id", "c1").put("lastMessageType", lastMessageType)
                .put("type", conversationType).put("lastMessageBody", body).put("unreadCount", 2);
        roundTrip(schema, ConversationSchema.class);
        ObjectNode dto = JSON.createObjectNode().put("id", "c1").put("lastMessageType", lastMessageType)
                .put("lastMessageDate", "1628008053263").put("starred", true);
        roundTrip(dto, ConversationDto.class);
    }

    @Test
    void leadConnectorEmailsWithAnyStatusOrSourceParseAndRenderBack() {
        Cases.run(200, gen -> leadConnectorEmailParsesAndRendersBack(word(gen), word(gen)));
    }

    private static void leadConnectorEmailParsesAndRendersBack(String status, String source) {
        ObjectNode email = JSON.createObjectNode().put("id", "m1").put("status", status).put("source", source)
                .put("direction", "outbound");
        email.putArray("to").add("a@example.com");
        roundTrip(email, GetEmailMessageResponseDto.class);
    }

    private static void roundTrip(JsonNode payload, Class<?> view) {
        Object parsed;
        try {
            parsed = new ObjectMapper().treeToValue(payload, view);
        } catch (JsonProcessingException e) {
            throw new AssertionError(view.getSimpleName() + " did not parse " + payload, e);
        }
        ReferenceExamplesTest.assertSameFields(view.getSimpleName(), payload, new ObjectMapper().valueToTree(parsed));
    }
}
