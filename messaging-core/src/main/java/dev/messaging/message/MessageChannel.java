package dev.messaging.message;

import dev.messaging.common.WireValue;
import dev.messaging.error.ValidationException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The type of one message (LeadConnector {@code messageType} and {@code lastMessageType}). The
 * known types are LeadConnector's 42 and the design's {@code TYPE_FB_MESSENGER} and
 * {@code TYPE_GROUP_SMS}; a type the library does not know is kept as it came ({@link #isKnown}
 * false) and stored, read and rendered back with its wire value, so that a new upstream type never
 * fails a payload. {@link #deliveryChannel} is the channel a type is sent on, where it has one.
 * Compare with {@code equals} (known types are also single instances).
 */
public final class MessageChannel implements WireValue {
    private static final Map<String, MessageChannel> KNOWN = new LinkedHashMap<>();
    /** What a wire value may look like: letters, digits and underscores, at most 64. */
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_]{1,64}");

    public static final MessageChannel TYPE_CALL = known("TYPE_CALL", null);
    public static final MessageChannel TYPE_SMS = known("TYPE_SMS", DeliveryChannel.SMS);
    public static final MessageChannel TYPE_RCS = known("TYPE_RCS", DeliveryChannel.RCS);
    public static final MessageChannel TYPE_EMAIL = known("TYPE_EMAIL", DeliveryChannel.EMAIL);
    public static final MessageChannel TYPE_SMS_REVIEW_REQUEST = known("TYPE_SMS_REVIEW_REQUEST", DeliveryChannel.SMS);
    public static final MessageChannel TYPE_WEBCHAT = known("TYPE_WEBCHAT", null);
    public static final MessageChannel TYPE_SMS_NO_SHOW_REQUEST = known("TYPE_SMS_NO_SHOW_REQUEST", DeliveryChannel.SMS);
    public static final MessageChannel TYPE_CAMPAIGN_SMS = known("TYPE_CAMPAIGN_SMS", DeliveryChannel.SMS);
    public static final MessageChannel TYPE_CAMPAIGN_CALL = known("TYPE_CAMPAIGN_CALL", null);
    public static final MessageChannel TYPE_CAMPAIGN_EMAIL = known("TYPE_CAMPAIGN_EMAIL", DeliveryChannel.EMAIL);
    public static final MessageChannel TYPE_CAMPAIGN_VOICEMAIL = known("TYPE_CAMPAIGN_VOICEMAIL", null);
    public static final MessageChannel TYPE_FACEBOOK = known("TYPE_FACEBOOK", DeliveryChannel.FACEBOOK);
    public static final MessageChannel TYPE_CAMPAIGN_FACEBOOK = known("TYPE_CAMPAIGN_FACEBOOK",
            DeliveryChannel.FACEBOOK);
    public static final MessageChannel TYPE_CAMPAIGN_MANUAL_CALL = known("TYPE_CAMPAIGN_MANUAL_CALL", null);
    public static final MessageChannel TYPE_CAMPAIGN_MANUAL_SMS = known("TYPE_CAMPAIGN_MANUAL_SMS", DeliveryChannel.SMS);
    public static final MessageChannel TYPE_GMB = known("TYPE_GMB", DeliveryChannel.GMB);
    public static final MessageChannel TYPE_CAMPAIGN_GMB = known("TYPE_CAMPAIGN_GMB", DeliveryChannel.GMB);
    public static final MessageChannel TYPE_REVIEW = known("TYPE_REVIEW", null);
    public static final MessageChannel TYPE_INSTAGRAM = known("TYPE_INSTAGRAM", DeliveryChannel.INSTAGRAM);
    public static final MessageChannel TYPE_WHATSAPP = known("TYPE_WHATSAPP", DeliveryChannel.WHATSAPP);
    public static final MessageChannel TYPE_CUSTOM_SMS = known("TYPE_CUSTOM_SMS", DeliveryChannel.SMS);
    public static final MessageChannel TYPE_CUSTOM_EMAIL = known("TYPE_CUSTOM_EMAIL", DeliveryChannel.EMAIL);
    public static final MessageChannel TYPE_CUSTOM_PROVIDER_SMS = known("TYPE_CUSTOM_PROVIDER_SMS", DeliveryChannel.SMS);
    public static final MessageChannel TYPE_CUSTOM_PROVIDER_EMAIL = known("TYPE_CUSTOM_PROVIDER_EMAIL", DeliveryChannel.EMAIL);
    public static final MessageChannel TYPE_IVR_CALL = known("TYPE_IVR_CALL", null);
    public static final MessageChannel TYPE_ACTIVITY_CONTACT = known("TYPE_ACTIVITY_CONTACT", null);
    public static final MessageChannel TYPE_ACTIVITY_INVOICE = known("TYPE_ACTIVITY_INVOICE", null);
    public static final MessageChannel TYPE_ACTIVITY_PAYMENT = known("TYPE_ACTIVITY_PAYMENT", null);
    public static final MessageChannel TYPE_ACTIVITY_OPPORTUNITY = known("TYPE_ACTIVITY_OPPORTUNITY", null);
    public static final MessageChannel TYPE_LIVE_CHAT = known("TYPE_LIVE_CHAT", DeliveryChannel.LIVE_CHAT);
    public static final MessageChannel TYPE_LIVE_CHAT_INFO_MESSAGE = known("TYPE_LIVE_CHAT_INFO_MESSAGE", null);
    public static final MessageChannel TYPE_ACTIVITY_APPOINTMENT = known("TYPE_ACTIVITY_APPOINTMENT", null);
    public static final MessageChannel TYPE_FACEBOOK_COMMENT = known("TYPE_FACEBOOK_COMMENT", null);
    public static final MessageChannel TYPE_INSTAGRAM_COMMENT = known("TYPE_INSTAGRAM_COMMENT", null);
    public static final MessageChannel TYPE_CUSTOM_CALL = known("TYPE_CUSTOM_CALL", null);
    public static final MessageChannel TYPE_INTERNAL_COMMENT = known("TYPE_INTERNAL_COMMENT", null);
    public static final MessageChannel TYPE_ACTIVITY_EMPLOYEE_ACTION_LOG = known("TYPE_ACTIVITY_EMPLOYEE_ACTION_LOG", null);
    public static final MessageChannel TYPE_TIKTOK = known("TYPE_TIKTOK", DeliveryChannel.TIKTOK);
    public static final MessageChannel TYPE_TIKTOK_COMMENT = known("TYPE_TIKTOK_COMMENT", null);
    public static final MessageChannel TYPE_ACTIVITY_WHATSAPP = known("TYPE_ACTIVITY_WHATSAPP", null);
    public static final MessageChannel TYPE_FORM_SUBMISSION = known("TYPE_FORM_SUBMISSION", null);
    public static final MessageChannel TYPE_SMS_REACTION = known("TYPE_SMS_REACTION", null);
    public static final MessageChannel TYPE_FB_MESSENGER = known("TYPE_FB_MESSENGER", DeliveryChannel.FACEBOOK);
    public static final MessageChannel TYPE_GROUP_SMS = known("TYPE_GROUP_SMS", DeliveryChannel.SMS);

    private final String wire;
    private final DeliveryChannel deliveryChannel;
    private final boolean known;

    private MessageChannel(String wire, DeliveryChannel deliveryChannel, boolean known) {
        this.wire = wire;
        this.deliveryChannel = deliveryChannel;
        this.known = known;
    }

    private static MessageChannel known(String wire, DeliveryChannel deliveryChannel) {
        MessageChannel type = new MessageChannel(wire, deliveryChannel, true);
        KNOWN.put(wire, type);
        return type;
    }

    @Override
    public String wireValue() {
        return wire;
    }

    /** Whether the library knows this type (else it was kept as it came). */
    public boolean isKnown() {
        return known;
    }

    /** The channel a message of this type is sent on (SMS for the SMS types, EMAIL for the email types), if any. */
    public Optional<DeliveryChannel> deliveryChannel() {
        return Optional.ofNullable(deliveryChannel);
    }

    /**
     * The type a message sent on {@code channel} has when its author names none: the first known
     * type sent on it ({@code TYPE_SMS}, {@code TYPE_EMAIL}, {@code TYPE_WHATSAPP}...); empty for a
     * channel no message type is sent on ({@code IN_APP}).
     */
    public static Optional<MessageChannel> primaryOf(DeliveryChannel channel) {
        return KNOWN.values().stream().filter(type -> type.deliveryChannel == channel).findFirst();
    }

    /** The known types, in LeadConnector's order and then the design's. */
    public static List<MessageChannel> values() {
        return Collections.unmodifiableList(new ArrayList<>(KNOWN.values()));
    }

    /**
     * The type of a wire value: a known one, or an unknown one kept as it is. Null, or a value with
     * other characters than letters, digits and underscores, or longer than 64, is a validation
     * error on {@code channel}.
     */
    public static MessageChannel fromWire(String value) {
        MessageChannel type = value == null ? null : KNOWN.get(value);
        if (type != null) {
            return type;
        }
        if (value == null || !WELL_FORMED.matcher(value).matches()) {
            throw ValidationException.of("channel", "must be a message type: letters, digits and underscores, at"
                    + " most 64 (was '" + value + "')");
        }
        return new MessageChannel(value, null, false);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MessageChannel that && wire.equals(that.wire);
    }

    @Override
    public int hashCode() {
        return wire.hashCode();
    }

    @Override
    public String toString() {
        return wire;
    }
}
