package dev.messaging.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.message.DeliveryStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The providers' signatures on their published examples (Twilio's request-validation vectors,
 * SendGrid's event webhook vector) and on a Mailgun vector computed by an independent
 * implementation (Python's hmac), each also tampered, wrongly keyed and replayed.
 */
class WebhookSignaturesTest {
    private static final String TWILIO_URL = "https://mycompany.com/myapp.php?foo=1&bar=2";

    private static Map<String, String> twilioParams(String caller) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("To", "+18005551212");
        params.put("Digits", "1234");
        params.put("From", caller);
        params.put("CallSid", "CA1234567890ABCDE");
        params.put("Caller", caller);
        return params;
    }

    @Test
    void twilioSignaturesAreCheckedOnTheDocumentedExamples() {
        assertThat(WebhookSignatures.twilio("12345", TWILIO_URL, twilioParams("+14158675309"),
                "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isTrue();
        assertThat(WebhookSignatures.twilio("12345", TWILIO_URL, twilioParams("+12349013030"),
                "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")).isTrue();
        Map<String, String> tampered = twilioParams("+14158675309");
        tampered.put("Digits", "9999");
        assertThat(WebhookSignatures.twilio("12345", TWILIO_URL, tampered, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
        assertThat(WebhookSignatures.twilio("54321", TWILIO_URL, twilioParams("+14158675309"),
                "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
        assertThat(WebhookSignatures.twilio("12345", TWILIO_URL + "&baz=3", twilioParams("+14158675309"),
                "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).isFalse();
        assertThat(WebhookSignatures.twilio("12345", TWILIO_URL, twilioParams("+14158675309"), "not base64!"))
                .isFalse();
        assertThat(WebhookSignatures.twilio("", TWILIO_URL, twilioParams("+14158675309"), "")).isFalse();
    }

    private static final String SENDGRID_KEY = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE83T4O/n84iotIvIW4mdBgQ/7dAfSmpqIM8kF9mN1"
            + "flpVKS3GRqe62gw+2fNNRaINXvVpiglSI8eNEc6wEA3F+g==";
    private static final String SENDGRID_SIGNATURE = "MEUCIGHQVtGj+Y3LkG9fLcxf3qfI10QysgDWmMOVmxG0u6ZUAiEAyBiXDWzM+uOe5W0J"
            + "uG+luQAbPIqHh89M15TluLtEZtM=";
    private static final String SENDGRID_TIMESTAMP = "1600112502";
    private static final String SENDGRID_PAYLOAD = "[{\"email\":\"hello@world.com\",\"event\":\"dropped\",\"reason\":"
            + "\"Bounced Address\",\"sg_event_id\":\"ZHJvcC0xMDk5NDkxOS1MUnpYbF9OSFN0T0doUTRrb2ZTbV9BLTA\","
            + "\"sg_message_id\":\"LRzXl_NHStOGhQ4kofSm_A.filterdrecv-p3mdw1-756b745b58-kmzbl-18-5F5FC76C-9.0\","
            + "\"smtp-id\":\"<LRzXl_NHStOGhQ4kofSm_A@ismtpd0039p1iad1.sendgrid.net>\",\"timestamp\":1600112492}]\r\n";

    @Test
    void sendGridSignedEventsAreCheckedOnTheDocumentedExample() {
        Instant signedAt = Instant.ofEpochSecond(1600112502);
        byte[] payload = SENDGRID_PAYLOAD.getBytes(StandardCharsets.UTF_8);
        Duration tolerance = WebhookSignatures.DEFAULT_TOLERANCE;
        assertThat(WebhookSignatures.sendGrid(SENDGRID_KEY, SENDGRID_TIMESTAMP, payload, SENDGRID_SIGNATURE,
                signedAt.plusSeconds(30), tolerance)).isTrue();
        byte[] tampered = SENDGRID_PAYLOAD.replace("dropped", "delivered").getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignatures.sendGrid(SENDGRID_KEY, SENDGRID_TIMESTAMP, tampered, SENDGRID_SIGNATURE,
                signedAt, tolerance)).isFalse();
        assertThat(WebhookSignatures.sendGrid(SENDGRID_KEY, "1600112503", payload, SENDGRID_SIGNATURE,
                signedAt, tolerance)).as("the timestamp is signed too").isFalse();
        assertThat(WebhookSignatures.sendGrid(SENDGRID_KEY, SENDGRID_TIMESTAMP, payload, SENDGRID_SIGNATURE,
                signedAt.plus(Duration.ofMinutes(10)), tolerance)).as("replayed ten minutes later").isFalse();
        assertThat(WebhookSignatures.sendGrid(SENDGRID_KEY, SENDGRID_TIMESTAMP, payload, "MEUCIQ==", signedAt,
                tolerance)).isFalse();
        assertThat(WebhookSignatures.sendGrid("bm90IGEga2V5", SENDGRID_TIMESTAMP, payload, SENDGRID_SIGNATURE,
                signedAt, tolerance)).as("not a key").isFalse();
        // the event's status, as the service reads it from the verified payload
        assertThat(ProviderStatuses.sendGrid("dropped")).contains(DeliveryStatus.ERROR);
    }

    @Test
    void mailgunSignaturesAreCheckedOnAnIndependentlyComputedVector() {
        String key = "key-7b2b6f3d0a1e4c5f";
        String token = "a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0";
        String signature = "00138e57ac871e469e9b540f854ff56d527c13c6dc1ed6de5739724b024832c8";
        Instant signedAt = Instant.ofEpochSecond(1733400000);
        Duration tolerance = WebhookSignatures.DEFAULT_TOLERANCE;
        assertThat(WebhookSignatures.mailgun(key, "1733400000", token, signature, signedAt, tolerance)).isTrue();
        assertThat(WebhookSignatures.mailgun(key, "1733400000", token + "x", signature, signedAt, tolerance)).isFalse();
        assertThat(WebhookSignatures.mailgun("key-other", "1733400000", token, signature, signedAt, tolerance))
                .isFalse();
        assertThat(WebhookSignatures.mailgun(key, "1733400000", token, signature,
                signedAt.plus(Duration.ofHours(1)), tolerance)).as("replayed an hour later").isFalse();
        assertThat(WebhookSignatures.mailgun(key, "1733400000", token, "zz", signedAt, tolerance)).isFalse();
        assertThat(WebhookSignatures.mailgun(key, "yesterday", token, signature, signedAt, tolerance)).isFalse();
    }

    @Test
    void providerStatusesMapToTheOutboxs() {
        assertThat(ProviderStatuses.twilio("delivered", null)).contains(DeliveryStatus.DELIVERED);
        assertThat(ProviderStatuses.twilio("Undelivered", "30003")).contains(DeliveryStatus.UNDELIVERED);
        assertThat(ProviderStatuses.twilio("failed", "21610")).contains(DeliveryStatus.OPT_OUT);
        assertThat(ProviderStatuses.twilio("received", null)).isEmpty();
        assertThat(ProviderStatuses.sendGrid("open")).contains(DeliveryStatus.OPENED);
        assertThat(ProviderStatuses.sendGrid("unsubscribe")).contains(DeliveryStatus.OPT_OUT);
        assertThat(ProviderStatuses.sendGrid("group_resubscribe")).isEmpty();
        assertThat(ProviderStatuses.mailgun("failed", "permanent")).contains(DeliveryStatus.UNDELIVERED);
        assertThat(ProviderStatuses.mailgun("failed", "temporary")).isEmpty();
        assertThat(ProviderStatuses.mailgun("complained", null)).contains(DeliveryStatus.OPT_OUT);
        assertThat(ProviderStatuses.mailgun(null, null)).isEqualTo(Optional.empty());
    }
}
