package dev.messaging.view.leadconnector;

import dev.messaging.message.MessageChannel;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The short channel words of LeadConnector's send, inbound and webhook bodies ({@code "SMS"},
 * {@code "Email"}, {@code "Call"}, {@code "Live_Chat"}...) and the domain message type each means:
 * the same channel as its {@code TYPE_*} word. Words are matched without regard to case
 * ({@code "CALL"} is {@code "Call"}); a {@code TYPE_*} word is accepted as itself; a word the
 * library does not know is kept as an unknown type, as it came. {@code "Custom"} (a custom
 * conversation provider) is {@code TYPE_CUSTOM_PROVIDER_SMS}.
 */
public final class LeadConnectorChannel {
    private static final Map<String, MessageChannel> BY_WORD = new LinkedHashMap<>();
    private static final Map<MessageChannel, String> WORDS = new LinkedHashMap<>();

    static {
        word("SMS", MessageChannel.TYPE_SMS);
        word("RCS", MessageChannel.TYPE_RCS);
        word("Email", MessageChannel.TYPE_EMAIL);
        word("WhatsApp", MessageChannel.TYPE_WHATSAPP);
        word("GMB", MessageChannel.TYPE_GMB);
        word("IG", MessageChannel.TYPE_INSTAGRAM);
        word("FB", MessageChannel.TYPE_FACEBOOK);
        word("Custom", MessageChannel.TYPE_CUSTOM_PROVIDER_SMS);
        word("WebChat", MessageChannel.TYPE_WEBCHAT);
        word("Live_Chat", MessageChannel.TYPE_LIVE_CHAT);
        word("Call", MessageChannel.TYPE_CALL);
        word("IVR_Call", MessageChannel.TYPE_IVR_CALL);
        word("Campaign_Call", MessageChannel.TYPE_CAMPAIGN_CALL);
        word("Campaign_VoiceMail", MessageChannel.TYPE_CAMPAIGN_VOICEMAIL);
        word("TIKTOK", MessageChannel.TYPE_TIKTOK);
        word("FORM_SUBMISSION", MessageChannel.TYPE_FORM_SUBMISSION);
        WORDS.put(MessageChannel.TYPE_FB_MESSENGER, "FB");
        WORDS.put(MessageChannel.TYPE_GROUP_SMS, "SMS");
    }

    private LeadConnectorChannel() {
    }

    private static void word(String word, MessageChannel channel) {
        BY_WORD.put(word.toUpperCase(Locale.ROOT), channel);
        WORDS.put(channel, word);
    }

    /** The message type a short word (or a {@code TYPE_*} word) means; null for null. */
    public static MessageChannel of(String word) {
        if (word == null) {
            return null;
        }
        MessageChannel known = BY_WORD.get(word.toUpperCase(Locale.ROOT));
        return known != null ? known : MessageChannel.fromWire(word);
    }

    /**
     * The short word for a message type: its own word, else the word of the channel it is delivered
     * on ({@code TYPE_CAMPAIGN_SMS} is {@code "SMS"}), else its {@code TYPE_*} word; null for null.
     */
    public static String word(MessageChannel channel) {
        if (channel == null) {
            return null;
        }
        String word = WORDS.get(channel);
        if (word != null) {
            return word;
        }
        return channel.deliveryChannel().flatMap(MessageChannel::primaryOf).map(WORDS::get)
                .orElse(channel.wireValue());
    }
}
