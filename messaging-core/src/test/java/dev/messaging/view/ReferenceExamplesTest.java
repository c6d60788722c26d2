package dev.messaging.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.messaging.view.hotel.CreateConversationRequest;
import dev.messaging.view.hotel.ResponseContainerModel;
import dev.messaging.view.leadconnector.ConversationCreateResponseDto;
import dev.messaging.view.leadconnector.ConversationDto;
import dev.messaging.view.leadconnector.ConversationSchema;
import dev.messaging.view.leadconnector.CreateConversationDto;
import dev.messaging.view.leadconnector.CreateConversationSuccessResponse;
import dev.messaging.view.leadconnector.DeleteConversationSuccessfulResponse;
import dev.messaging.view.leadconnector.GetConversationByIdResponse;
import dev.messaging.view.leadconnector.GetConversationSuccessfulResponse;
import dev.messaging.view.leadconnector.GetEmailMessageResponseDto;
import dev.messaging.view.leadconnector.LeadConnectorErrors;
import dev.messaging.view.leadconnector.SendConversationResponseDto;
import dev.messaging.view.leadconnector.StartAfterArrayNumberSchema;
import dev.messaging.view.leadconnector.StartAfterNumberSchema;
import dev.messaging.view.leadconnector.UpdateConversationDto;
import dev.messaging.view.shopmonkey.MessageThreadMetadataView;
import dev.messaging.view.shopmonkey.NotificationConfigView;
import dev.messaging.view.shopmonkey.ShopmonkeyConversation;
import dev.messaging.view.shopmonkey.ShopmonkeyCreateMessage;
import dev.messaging.view.shopmonkey.ShopmonkeyInboxEntry;
import dev.messaging.view.shopmonkey.ShopmonkeyMessage;
import dev.messaging.view.shopmonkey.ShopmonkeyResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every JSON example of {@code shared/reference/} (copied to test resources) parses into its view
 * with a default Jackson mapper — an unknown field fails — and renders back with the same field
 * names and values (fields the example leaves out render as null). The domain round trip runs on
 * corrected copies, each correction listed in a comment at the top of the file.
 */
class ReferenceExamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeFactory TYPES = JSON.getTypeFactory();

    private static JavaType response(Class<?> data) {
        return TYPES.constructParametricType(ShopmonkeyResponse.class, data);
    }

    private static JavaType responseList(Class<?> item) {
        return TYPES.constructParametricType(ShopmonkeyResponse.class,
                TYPES.constructCollectionType(List.class, item));
    }

    static final Map<String, JavaType> VIEWS = Map.ofEntries(
            Map.entry("sm-message-find-response", response(ShopmonkeyMessage.class)),
            Map.entry("sm-message-list-response", responseList(ShopmonkeyMessage.class)),
            Map.entry("sm-message-create-request", TYPES.constructType(ShopmonkeyCreateMessage.class)),
            Map.entry("sm-message-create-response", response(ShopmonkeyMessage.class)),
            Map.entry("sm-thread-read-response", response(MessageThreadMetadataView.class)),
            Map.entry("sm-inbox-response", responseList(ShopmonkeyInboxEntry.class)),
            Map.entry("sm-notification-config-get-response", responseList(NotificationConfigView.class)),
            Map.entry("sm-notification-config-set-response", response(Object.class)),
            Map.entry("sm-conversation-create-response", response(ShopmonkeyConversation.class)),
            Map.entry("lc-bad-request", TYPES.constructType(LeadConnectorErrors.BadRequestDto.class)),
            Map.entry("lc-unauthorized", TYPES.constructType(LeadConnectorErrors.UnauthorizedDto.class)),
            Map.entry("lc-unprocessable-entity", TYPES.constructType(LeadConnectorErrors.UnprocessableDto.class)),
            Map.entry("lc-start-after-number", TYPES.constructType(StartAfterNumberSchema.class)),
            Map.entry("lc-start-after-array", TYPES.constructType(StartAfterArrayNumberSchema.class)),
            Map.entry("lc-conversation-schema", TYPES.constructType(ConversationSchema.class)),
            Map.entry("lc-send-conversation-response", TYPES.constructType(SendConversationResponseDto.class)),
            Map.entry("lc-create-conversation-dto", TYPES.constructType(CreateConversationDto.class)),
            Map.entry("lc-conversation-create-response", TYPES.constructType(ConversationCreateResponseDto.class)),
            Map.entry("lc-create-conversation-success", TYPES.constructType(CreateConversationSuccessResponse.class)),
            Map.entry("lc-get-conversation-by-id", TYPES.constructType(GetConversationByIdResponse.class)),
            Map.entry("lc-update-conversation-dto", TYPES.constructType(UpdateConversationDto.class)),
            Map.entry("lc-conversation-dto", TYPES.constructType(ConversationDto.class)),
            Map.entry("lc-get-conversation-success", TYPES.constructType(GetConversationSuccessfulResponse.class)),
            Map.entry("lc-delete-conversation-success",
                    TYPES.constructType(DeleteConversationSuccessfulResponse.class)),
            Map.entry("lc-get-email-message", TYPES.constructType(GetEmailMessageResponseDto.class)),
            Map.entry("hotel-create-conversation-request", TYPES.constructType(CreateConversationRequest.class)),
            Map.entry("hotel-response-container", TYPES.constructType(ResponseContainerModel.class)));

    static Stream<Arguments> examples() {
        return VIEWS.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    static JsonNode read(String name) throws IOException {
        try (InputStream in = ReferenceExamplesTest.class.getResourceAsStream("/reference/examples/" + name + ".json")) {
            assertThat(in).as(name).isNotNull();
            return new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS).readTree(in);
        }
    }

    @Test
    void everyExampleFileHasItsView() throws IOException {
        TreeSet<String> files = new TreeSet<>();
        try (Stream<Path> list = Files.list(Path.of("src/test/resources/reference/examples"))) {
            list.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".corrected.json"))
                    .forEach(n -> files.add(n.replace(".json", "")));
        }
        assertThat(files).isEqualTo(new TreeSet<>(VIEWS.keySet()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void parsesIntoItsViewAndRendersBackWithTheSameFieldsAndValues(String name, JavaType view) throws IOException {
        JsonNode example = read(name);
        Object parsed = JSON.readerFor(view).readValue(example);
        JsonNode rendered = JSON.valueToTree(parsed);
        assertSameFields(name, example, rendered);
    }

    /** Every field of {@code example} is in {@code rendered} with the same value; other rendered fields are null. */
    static void assertSameFields(String path, JsonNode example, JsonNode rendered) {
        if (example.isObject()) {
            assertThat(rendered.isObject()).as(path).isTrue();
            for (Map.Entry<String, JsonNode> field : example.properties()) {
                assertThat(rendered.has(field.getKey())).as(path + "." + field.getKey()).isTrue();
                assertSameFields(path + "." + field.getKey(), field.getValue(), rendered.get(field.getKey()));
            }
            for (Iterator<String> it = rendered.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!example.has(name)) {
                    assertThat(rendered.get(name).isNull()).as(path + "." + name + " is not in the example").isTrue();
                }
            }
        } else if (example.isArray()) {
            assertThat(rendered.size()).as(path).isEqualTo(example.size());
            for (int i = 0; i < example.size(); i++) {
                assertSameFields(path + "[" + i + "]", example.get(i), rendered.get(i));
            }
        } else if (example.isNumber()) {
            assertThat(rendered.isNumber()).as(path + " is a number").isTrue();
            assertThat(rendered.decimalValue()).as(path).isEqualByComparingTo(example.decimalValue());
        } else {
            assertThat(rendered).as(path).isEqualTo(example);
        }
    }

    @Test
    void aShopmonkeyMessageGoesToTheDomainAndBackUnchanged() throws IOException {
        ShopmonkeyResponse<ShopmonkeyMessage> corrected = JSON.readerFor(response(ShopmonkeyMessage.class))
                .readValue(read("sm-message-find-response.corrected"));
        ShopmonkeyMessage view = corrected.data();
        assertThat(ShopmonkeyMessage.from(view.toDomain())).isEqualTo(view);
    }

    @Test
    void aShopmonkeyConversationGoesToTheDomainAndBackUnchanged() throws IOException {
        ShopmonkeyResponse<ShopmonkeyConversation> corrected = JSON.readerFor(response(ShopmonkeyConversation.class))
                .readValue(read("sm-conversation-create-response.corrected"));
        ShopmonkeyConversation view = corrected.data();
        assertThat(ShopmonkeyConversation.from(view.toDomain())).isEqualTo(view);
    }

    @Test
    void aNotificationConfigGoesToTheDomainAndBackUnchanged() throws IOException {
        ShopmonkeyResponse<List<NotificationConfigView>> example = JSON.readerFor(
                responseList(NotificationConfigView.class)).readValue(read("sm-notification-config-get-response"));
        NotificationConfigView view = example.data().get(0);
        assertThat(NotificationConfigView.from(view.toDomain("user-1"))).isEqualTo(view);
    }
}
