package dev.messaging.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.messaging.error.ValidationException;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.DeliveryUpdate;
import dev.messaging.message.MessageChannel;
import dev.messaging.message.NewMessage;
import dev.messaging.view.leadconnector.ErrorDto;
import dev.messaging.view.leadconnector.LeadConnectorChannel;
import dev.messaging.view.leadconnector.ProcessMessageBodyDto;
import dev.messaging.view.leadconnector.SendMessageBodyDto;
import dev.messaging.view.leadconnector.UpdateEmailMessageStatusDto;
import dev.messaging.view.leadconnector.UpdateMessageStatusDto;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * LeadConnector's message-level views to the domain and back, without a store: the send body of
 * every property, the inbound body, the channel words, the status callbacks and an HTML-only email.
 */
class LeadConnectorMessageViewsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path UPSTREAM = Path.of("src/test/resources/upstream");
    /** The send body's fields the domain does not keep: null after a round trip. */
    private static final List<String> NOT_KEPT = List.of("subType", "forward", "status",
            "usesNativeSchedulingAi", "optimizationPeriod");

    @ParameterizedTest
    @ValueSource(strings = {"leadconnector-v2-full", "leadconnector-v3-full", "leadconnector-v2", "leadconnector-v3"})
    void theUpstreamSendBodyGoesToTheDomainAndBackWithEveryFieldTheDomainKeeps(String folder) throws IOException {
        ObjectNode upstream = (ObjectNode) JSON.readTree(UPSTREAM.resolve(folder + "/SendMessageBodyDto.json").toFile());
        SendMessageBodyDto body = JSON.treeToValue(upstream, SendMessageBodyDto.class);
        NewMessage request = body.toNewMessage();
        assertThat(request.channel()).isEqualTo(MessageChannel.TYPE_EMAIL);
        assertThat(request.sendEmail()).isTrue();
        assertThat(request.sendSms()).isNull();
        assertThat(request.sendAt()).isEqualTo(Instant.ofEpochSecond(1669287863));
        assertThat(request.emailOptions().details().html()).isEqualTo("<p>Hello World</p>");

        ObjectNode expected = upstream.deepCopy();
        NOT_KEPT.forEach(expected::remove);
        ObjectNode back = JSON.valueToTree(SendMessageBodyDto.from(request));
        NOT_KEPT.forEach(field -> assertThat(back.get(field).isNull()).as(field).isTrue());
        NOT_KEPT.forEach(back::remove);
        ReferenceExamplesTest.assertSameFields(folder + "/SendMessageBodyDto", expected, back);
    }

    @Test
    void anHtmlOnlyEmailGetsItsTextFromTheHtml() {
        SendMessageBodyDto body = new SendMessageBodyDto("Email", null, "c1", null, null, null, null, null,
                "<html><style>p{color:red}</style><p>Hello&nbsp;<b>World</b> &amp; co</p><!-- x --><p>Bye</p></html>",
                null, "Hi", null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThat(body.toNewMessage().text()).isEqualTo("Hello World & co\nBye");
    }

    @Test
    void aSendWithoutATypeOrWithAnUnknownReplyModeNamesTheField() {
        SendMessageBodyDto noType = new SendMessageBodyDto(null, null, "c1", null, null, null, null, null, null,
                "hi", null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        assertThatThrownBy(noType::toNewMessage).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fields()).containsExactly("type"));
        SendMessageBodyDto badMode = new SendMessageBodyDto("Email", null, "c1", null, null, null, null, null, null,
                "hi", null, null, null, null, null, null, null, null, "everyone", null, null, null, null, null, null);
        assertThatThrownBy(badMode::toNewMessage).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.fields()).containsExactly("emailReplyMode"));
    }

    @Test
    void theShortChannelWordsMeanTheSameTypesAsTheirTypeWords() {
        assertThat(LeadConnectorChannel.of("SMS")).isEqualTo(MessageChannel.TYPE_SMS);
        assertThat(LeadConnectorChannel.of("Email")).isEqualTo(MessageChannel.TYPE_EMAIL);
        assertThat(LeadConnectorChannel.of("CALL")).as("any case").isEqualTo(MessageChannel.TYPE_CALL);
        assertThat(LeadConnectorChannel.of("IG")).isEqualTo(MessageChannel.TYPE_INSTAGRAM);
        assertThat(LeadConnectorChannel.of("FB")).isEqualTo(MessageChannel.TYPE_FACEBOOK);
        assertThat(LeadConnectorChannel.of("Live_Chat")).isEqualTo(MessageChannel.TYPE_LIVE_CHAT);
        assertThat(LeadConnectorChannel.of("WhatsApp")).isEqualTo(MessageChannel.TYPE_WHATSAPP);
        assertThat(LeadConnectorChannel.of("TYPE_REVIEW")).isEqualTo(MessageChannel.TYPE_REVIEW);
        MessageChannel unknown = LeadConnectorChannel.of("ALL_IN_ONE_CHAT");
        assertThat(unknown.isKnown()).isFalse();
        assertThat(unknown.wireValue()).isEqualTo("ALL_IN_ONE_CHAT");
        // every word of the inbound body's list is a type, and comes back as itself
        for (String word : List.of("SMS", "RCS", "Email", "WhatsApp", "GMB", "IG", "FB", "Custom", "WebChat",
                "Live_Chat", "Call", "IVR_Call", "Campaign_Call", "Campaign_VoiceMail", "TIKTOK", "FORM_SUBMISSION")) {
            MessageChannel type = LeadConnectorChannel.of(word);
            assertThat(type.isKnown()).as(word).isTrue();
            assertThat(LeadConnectorChannel.word(type)).as(word).isEqualTo(word);
        }
        assertThat(LeadConnectorChannel.word(MessageChannel.TYPE_CAMPAIGN_SMS)).isEqualTo("SMS");
        assertThat(LeadConnectorChannel.word(MessageChannel.TYPE_CUSTOM_EMAIL)).isEqualTo("Email");
        assertThat(LeadConnectorChannel.word(MessageChannel.TYPE_REVIEW)).isEqualTo("TYPE_REVIEW");
    }

    @Test
    void statusCallbacksReadTheWordsTheDomainEnumRefuses() {
        assertThatThrownBy(() -> DeliveryStatus.fromWire("read")).isInstanceOf(ValidationException.class);
        assertThat(new UpdateMessageStatusDto("read", null, null, null).toUpdate(DeliveryChannel.SMS))
                .isEqualTo(DeliveryUpdate.sms(DeliveryStatus.READ));
        assertThat(new UpdateMessageStatusDto("delivered", null, null, null).toUpdate(DeliveryChannel.EMAIL))
                .isEqualTo(DeliveryUpdate.email(DeliveryStatus.DELIVERED));
        assertThat(new UpdateMessageStatusDto("failed", new ErrorDto(null, null, "Blocked"), null, null)
                .toUpdate(DeliveryChannel.SMS)).isEqualTo(DeliveryUpdate.sms(DeliveryStatus.ERROR).withError("Blocked"));
        assertThatThrownBy(() -> new UpdateMessageStatusDto("bounced", null, null, null).toUpdate(DeliveryChannel.SMS))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields()).containsExactly("status"));
    }

    @Test
    void anEmailStatusUpdateCarriesItsFailedRecipientsAsTheError() throws IOException {
        UpdateEmailMessageStatusDto update = JSON.treeToValue(
                JSON.readTree(UPSTREAM.resolve("leadconnector-v3-full/UpdateEmailMessageStatusDto.json").toFile()),
                UpdateEmailMessageStatusDto.class);
        assertThat(update.toUpdate()).isEqualTo(DeliveryUpdate.email(DeliveryStatus.DELIVERED)
                .withError("john@doe.com: Mailbox not found"));
    }

    @Test
    void anInboundBodyIsTheCustomersMessageWithTheProviderIdAsItsKey() throws IOException {
        ProcessMessageBodyDto inbound = JSON.treeToValue(
                JSON.readTree(UPSTREAM.resolve("leadconnector-v2-full/ProcessMessageBodyDto.json").toFile()),
                ProcessMessageBodyDto.class);
        NewMessage request = inbound.toNewMessage();
        assertThat(request.clientMessageId()).isEqualTo("61d6d1f9cdac7612faf80753");
        assertThat(request.conversationId()).isEqualTo("ve9EPM428h8vShlRW1KT");
        assertThat(request.customerId()).isEqualTo("ve9EPM428h8vShlRW1KT");
        assertThat(request.channel()).isEqualTo(MessageChannel.TYPE_SMS);
        assertThat(request.sendSms()).as("a customer's message asks for no send").isNull();
        assertThat(request.emailOptions().emailId()).isEqualTo("emailMessageId-value");
        assertThat(request.emailOptions().details().cc()).containsExactly("john1@doe.com", "john2@doe.com");
        assertThat(request.files()).hasSize(2);
        assertThat(request.files().get(0).id()).as("the same URL is the same file").isEqualTo(request.files().get(1).id());
    }
}
