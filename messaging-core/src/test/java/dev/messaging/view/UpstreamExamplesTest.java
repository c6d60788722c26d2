package dev.messaging.view;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.messaging.view.leadconnector.CallDataDto;
import dev.messaging.view.leadconnector.CancelScheduledResponseDto;
import dev.messaging.view.leadconnector.ConversationCreateResponseDto;
import dev.messaging.view.leadconnector.ConversationDto;
import dev.messaging.view.leadconnector.ConversationSchema;
import dev.messaging.view.leadconnector.ConversationUnreadWebhook;
import dev.messaging.view.leadconnector.CreateConversationDto;
import dev.messaging.view.leadconnector.CreateConversationSuccessResponse;
import dev.messaging.view.leadconnector.CreateCustomSubtypeDto;
import dev.messaging.view.leadconnector.DeleteConversationSuccessfulResponse;
import dev.messaging.view.leadconnector.EmailEventsDto;
import dev.messaging.view.leadconnector.EmailStatsWebhook;
import dev.messaging.view.leadconnector.ErrorDto;
import dev.messaging.view.leadconnector.ExportMessagesResponseDto;
import dev.messaging.view.leadconnector.ForwardConfigDto;
import dev.messaging.view.leadconnector.ForwardResponseDto;
import dev.messaging.view.leadconnector.GetConversationByIdResponse;
import dev.messaging.view.leadconnector.GetConversationSuccessfulResponse;
import dev.messaging.view.leadconnector.GetEmailMessageResponseDto;
import dev.messaging.view.leadconnector.GetMessageResponseDto;
import dev.messaging.view.leadconnector.GetMessagesByConversationResponseDto;
import dev.messaging.view.leadconnector.LeadConnectorErrors;
import dev.messaging.view.leadconnector.MessageMeta;
import dev.messaging.view.leadconnector.MessageWebhook;
import dev.messaging.view.leadconnector.ProcessMessageBodyDto;
import dev.messaging.view.leadconnector.ProcessMessageResponseDto;
import dev.messaging.view.leadconnector.ProcessOutboundMessageBodyDto;
import dev.messaging.view.leadconnector.ProviderOutboundMessageWebhook;
import dev.messaging.view.leadconnector.SendConversationResponseDto;
import dev.messaging.view.leadconnector.SendMessageBodyDto;
import dev.messaging.view.leadconnector.SendMessageResponseDto;
import dev.messaging.view.leadconnector.StartAfterArrayNumberSchema;
import dev.messaging.view.leadconnector.StartAfterNumberSchema;
import dev.messaging.view.leadconnector.SubscriptionActionDto;
import dev.messaging.view.leadconnector.UpdateConversationDto;
import dev.messaging.view.leadconnector.UpdateCustomSubtypeDto;
import dev.messaging.view.leadconnector.UpdateEmailMessageStatusDto;
import dev.messaging.view.leadconnector.UpdateEmailMessageStatusResponseDto;
import dev.messaging.view.leadconnector.UpdateMessageStatusDto;
import dev.messaging.view.leadconnector.UpdateRecipientMessageStatusDto;
import dev.messaging.view.leadconnector.UserSubscriptionChangeDto;
import dev.messaging.view.shopmonkey.ShopmonkeyChangeEvent;
import dev.messaging.view.shopmonkey.ShopmonkeyConversation;
import dev.messaging.view.shopmonkey.ShopmonkeyMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The upstream examples in {@code src/test/resources/upstream} (see its README: which files, which
 * commits, how each example is built): each parses into its view with a plain {@code new
 * ObjectMapper()} — so an unknown field fails — and renders back with the same fields and values
 * (a field the example leaves out renders as null). The Shopmonkey ones also go to the domain and
 * back: the same fields and values again, a date as the same instant, and a field the example
 * leaves out only as the schema's empty value (null, false, an empty list, an enum's "None").
 */
class UpstreamExamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path ROOT = Path.of("src/test/resources/upstream");
    private static final Map<String, Class<?>> LEADCONNECTOR = Map.ofEntries(
            Map.entry("ConversationCreateResponseDto", ConversationCreateResponseDto.class),
            Map.entry("ConversationDto", ConversationDto.class),
            Map.entry("ConversationSchema", ConversationSchema.class),
            Map.entry("CreateConversationDto", CreateConversationDto.class),
            Map.entry("CreateConversationSuccessResponse", CreateConversationSuccessResponse.class),
            Map.entry("DeleteConversationSuccessfulResponse", DeleteConversationSuccessfulResponse.class),
            Map.entry("GetConversationByIdResponse", GetConversationByIdResponse.class),
            Map.entry("GetConversationSuccessfulResponse", GetConversationSuccessfulResponse.class),
            Map.entry("GetEmailMessageResponseDto", GetEmailMessageResponseDto.class),
            Map.entry("SendConversationResponseDto", SendConversationResponseDto.class),
            Map.entry("StartAfterArrayNumberSchema", StartAfterArrayNumberSchema.class),
            Map.entry("StartAfterNumberSchema", StartAfterNumberSchema.class),
            Map.entry("UpdateConversationDto", UpdateConversationDto.class),
            Map.entry("SendMessageBodyDto", SendMessageBodyDto.class),
            Map.entry("ForwardConfigDto", ForwardConfigDto.class),
            Map.entry("SendMessageResponseDto", SendMessageResponseDto.class),
            Map.entry("ForwardResponseDto", ForwardResponseDto.class),
            Map.entry("GetMessageResponseDto", GetMessageResponseDto.class),
            Map.entry("MessageMeta", MessageMeta.class),
            Map.entry("GetMessagesByConversationResponseDto", GetMessagesByConversationResponseDto.class),
            Map.entry("ExportMessagesResponseDto", ExportMessagesResponseDto.class),
            Map.entry("UpdateMessageStatusDto", UpdateMessageStatusDto.class),
            Map.entry("ErrorDto", ErrorDto.class),
            Map.entry("CallDataDTO", CallDataDto.class),
            Map.entry("ProcessMessageBodyDto", ProcessMessageBodyDto.class),
            Map.entry("ProcessOutboundMessageBodyDto", ProcessOutboundMessageBodyDto.class),
            Map.entry("ProcessMessageResponseDto", ProcessMessageResponseDto.class),
            Map.entry("CancelScheduledResponseDto", CancelScheduledResponseDto.class),
            Map.entry("EmailEventsDto", EmailEventsDto.class),
            Map.entry("UpdateRecipientMessageStatusDto", UpdateRecipientMessageStatusDto.class),
            Map.entry("UpdateEmailMessageStatusDto", UpdateEmailMessageStatusDto.class),
            Map.entry("UpdateEmailMessageStatusResponseDto", UpdateEmailMessageStatusResponseDto.class),
            Map.entry("CreateCustomSubtypeDto", CreateCustomSubtypeDto.class),
            Map.entry("UpdateCustomSubtypeDto", UpdateCustomSubtypeDto.class),
            Map.entry("SubscriptionActionDto", SubscriptionActionDto.class),
            Map.entry("UserSubscriptionChangeDto", UserSubscriptionChangeDto.class),
            Map.entry("BadRequestDTO", LeadConnectorErrors.BadRequestDto.class),
            Map.entry("UnauthorizedDTO", LeadConnectorErrors.UnauthorizedDto.class),
            Map.entry("UnprocessableDTO", LeadConnectorErrors.UnprocessableDto.class),
            Map.entry("ForbiddenDTO", LeadConnectorErrors.ForbiddenDto.class),
            Map.entry("NotFoundDTO", LeadConnectorErrors.NotFoundDto.class));
    /** The webhook examples by event ({@code <Event>-<n>.json}). */
    private static final Map<String, Class<?>> WEBHOOKS = Map.of(
            "InboundMessage", MessageWebhook.class,
            "OutboundMessage", MessageWebhook.class,
            "ConversationUnreadWebhook", ConversationUnreadWebhook.class,
            "ProviderOutboundMessage", ProviderOutboundMessageWebhook.class,
            "LCEmailStats", EmailStatsWebhook.class);
    private static final Map<String, Class<?>> SHOPMONKEY = Map.of(
            "Conversation", ShopmonkeyConversation.class,
            "Message", ShopmonkeyMessage.class,
            "ChangeEvent", ShopmonkeyChangeEvent.class);

    /** Every example file (folder/Schema) and its view. */
    static Map<String, Class<?>> examples() throws IOException {
        Map<String, Class<?>> all = new TreeMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(p -> p.toString().endsWith(".json")).forEach(p -> {
                String folder = p.getParent().getFileName().toString();
                String schema = p.getFileName().toString().replace(".json", "");
                Class<?> view = switch (folder) {
                    case "shopmonkey" -> SHOPMONKEY.get(schema);
                    case "leadconnector-webhooks" -> WEBHOOKS.get(schema.substring(0, schema.lastIndexOf('-')));
                    default -> LEADCONNECTOR.get(schema);
                };
                all.put(folder + "/" + schema, view);
            });
        }
        return all;
    }

    static Stream<Arguments> files() throws IOException {
        return examples().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static JsonNode read(String example) throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve(example + ".json"))) {
            return JSON.readTree(in);
        }
    }

    @Test
    void everyUpstreamExampleHasItsViewAndThereAreOneHundredFiftyNine() throws IOException {
        Map<String, Class<?>> all = examples();
        assertThat(all).hasSize(159);
        assertThat(new TreeSet<>(all.keySet())).allSatisfy(name -> assertThat(all.get(name)).as(name).isNotNull());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void parsesWithAPlainMapperAndRendersBackTheSameFieldsAndValues(String example, Class<?> view) throws IOException {
        JsonNode upstream = read(example);
        Object parsed = new ObjectMapper().treeToValue(upstream, view);
        ReferenceExamplesTest.assertSameFields(example, upstream, new ObjectMapper().valueToTree(parsed));
    }

    @Test
    void aShopmonkeyConversationGoesToTheDomainAndBack() throws IOException {
        JsonNode upstream = read("shopmonkey/Conversation");
        ShopmonkeyConversation view = JSON.treeToValue(upstream, ShopmonkeyConversation.class);
        assertSameThroughTheDomain("Conversation", upstream, JSON.valueToTree(ShopmonkeyConversation.from(view.toDomain())));
        assertThat(view.toDomain().meta().version()).as("meta.version kept").isEqualTo(7);
    }

    @Test
    void aShopmonkeyMessageGoesToTheDomainAndBack() throws IOException {
        JsonNode upstream = read("shopmonkey/Message");
        ShopmonkeyMessage view = JSON.treeToValue(upstream, ShopmonkeyMessage.class);
        assertSameThroughTheDomain("Message", upstream, JSON.valueToTree(ShopmonkeyMessage.from(view.toDomain())));
    }

    /** As {@link ReferenceExamplesTest#assertSameFields}, with dates compared as instants and empty values for absent fields. */
    static void assertSameThroughTheDomain(String path, JsonNode example, JsonNode rendered) {
        if (example.isObject()) {
            for (Map.Entry<String, JsonNode> field : example.properties()) {
                assertThat(rendered.has(field.getKey())).as(path + "." + field.getKey()).isTrue();
                assertSameThroughTheDomain(path + "." + field.getKey(), field.getValue(), rendered.get(field.getKey()));
            }
            for (Iterator<String> it = rendered.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                JsonNode value = rendered.get(name);
                if (!example.has(name)) {
                    assertThat(value.isNull() || value.isBoolean() && !value.booleanValue()
                            || value.isArray() && value.isEmpty() || value.isTextual() && value.textValue().equals("None"))
                            .as(path + "." + name + " is not in the example: "
                            + value).isTrue();
                }
            }
        } else if (example.isArray()) {
            assertThat(rendered.size()).as(path).isEqualTo(example.size());
            for (int i = 0; i < example.size(); i++) {
                assertSameThroughTheDomain(path + "[" + i + "]", example.get(i), rendered.get(i));
            }
        } else if (example.isTextual() && looksLikeAnInstant(example.textValue())) {
            assertThat(Instant.parse(rendered.textValue())).as(path).isEqualTo(Instant.parse(example.textValue()));
        } else if (example.isNumber()) {
            assertThat(rendered.decimalValue()).as(path).isEqualByComparingTo(example.decimalValue());
        } else {
            assertThat(rendered).as(path).isEqualTo(example);
        }
    }

    private static boolean looksLikeAnInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
