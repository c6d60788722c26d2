package dev.messaging.provider;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a provider's status callback is the provider's, with the JDK's crypto only: Twilio's
 * {@code X-Twilio-Signature}, SendGrid's signed event webhook, Mailgun's webhook signature. Each
 * answers false for a wrong or missing signature, a tampered payload, or (where the provider signs
 * a timestamp) a timestamp further from now than the tolerance: a replayed old callback. The
 * comparisons take the same time whatever the signature.
 */
public final class WebhookSignatures {
    /** How far a signed timestamp may be from now (SendGrid, Mailgun): five minutes, as their guides advise. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private WebhookSignatures() {
    }

    /**
     * Twilio: {@code signature} (the {@code X-Twilio-Signature} header) is the Base64 HMAC-SHA1, keyed
     * with the account's auth token, of {@code url} (exactly as Twilio called it, query included)
     * followed by each POST parameter's name and value, sorted by name.
     */
    public static boolean twilio(String authToken, String url, Map<String, String> params, String signature) {
        if (authToken == null || authToken.isEmpty() || url == null || params == null || signature == null) {
            return false;
        }
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> signed.append(name).append(value));
        byte[] expected = hmac("HmacSHA1", authToken, signed.toString());
        return MessageDigest.isEqual(expected, base64(signature));
    }

    /**
     * SendGrid's signed event webhook: {@code signature} (header
     * {@code X-Twilio-Email-Event-Webhook-Signature}) is a Base64 ECDSA P-256 SHA-256 signature, by
     * the key whose Base64 public key the account shows ({@code publicKey}), of {@code timestamp}
     * (header {@code X-Twilio-Email-Event-Webhook-Timestamp}, epoch seconds) followed by the raw
     * request body; refused when the timestamp is further than {@code tolerance} from {@code now}.
     */
    public static boolean sendGrid(String publicKey, String timestamp, byte[] payload, String signature, Instant now,
            Duration tolerance) {
        if (publicKey == null || payload == null || signature == null || !fresh(timestamp, now, tolerance)) {
            return false;
        }
        try {
            PublicKey key = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(base64(publicKey)));
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initVerify(key);
            ecdsa.update(timestamp.getBytes(StandardCharsets.UTF_8));
            ecdsa.update(payload);
            return ecdsa.verify(base64(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false; // a key or signature that is not one: not the provider's
        }
    }

    /**
     * Mailgun: {@code signature} (the webhook's {@code signature.signature}) is the hex HMAC-SHA256,
     * keyed with the webhook signing key, of {@code timestamp} (epoch seconds) followed by
     * {@code token}; refused when the timestamp is further than {@code tolerance} from {@code now}.
     * (Mailgun also advises refusing a token seen before; the caller keeps those it saw.)
     */
    public static boolean mailgun(String signingKey, String timestamp, String token, String signature, Instant now,
            Duration tolerance) {
        if (signingKey == null || signingKey.isEmpty() || token == null || signature == null
                || !fresh(timestamp, now, tolerance)) {
            return false;
        }
        byte[] expected = hmac("HmacSHA256", signingKey, timestamp + token);
        byte[] given;
        try {
            given = HexFormat.of().parseHex(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    private static boolean fresh(String timestamp, Instant now, Duration tolerance) {
        if (timestamp == null || now == null || tolerance == null) {
            return false;
        }
        try {
            Instant signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
            return Duration.between(signedAt, now).abs().compareTo(tolerance) <= 0;
        } catch (NumberFormatException | DateTimeException e) {
            return false;
        }
    }

    private static byte[] hmac(String algorithm, String key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is part of every JDK", e);
        }
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text.strip());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
