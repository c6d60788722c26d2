package dev.messaging.notification;

import dev.messaging.message.DeliveryChannel;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * How a user wants to be told about new customer messages: the channels a notification goes out
 * on. The reference's {@code sendEmail}, {@code sendInApp} and {@code sendSms} are its EMAIL,
 * IN_APP and SMS members; a user who never set any is notified on those three
 * ({@link #DEFAULT_CHANNELS}).
 */
public record NotificationConfig(String userId, Set<DeliveryChannel> channels) {
    /**
     * The reference's three channels, with a flag each ({@code sendEmail}, {@code sendInApp},
     * {@code sendSms}): email, in-app and SMS; also the channels of a user who never set any.
     */
    public static final Set<DeliveryChannel> DEFAULT_CHANNELS = Collections.unmodifiableSet(
            EnumSet.of(DeliveryChannel.EMAIL, DeliveryChannel.IN_APP, DeliveryChannel.SMS));

    public NotificationConfig {
        channels = channels == null || channels.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(channels));
    }

    /** The settings with the reference's three flags (and no other channel). */
    public NotificationConfig(String userId, boolean sendEmail, boolean sendInApp, boolean sendSms) {
        this(userId, flags(sendEmail, sendInApp, sendSms));
    }

    private static Set<DeliveryChannel> flags(boolean sendEmail, boolean sendInApp, boolean sendSms) {
        Set<DeliveryChannel> channels = EnumSet.noneOf(DeliveryChannel.class);
        if (sendEmail) {
            channels.add(DeliveryChannel.EMAIL);
        }
        if (sendInApp) {
            channels.add(DeliveryChannel.IN_APP);
        }
        if (sendSms) {
            channels.add(DeliveryChannel.SMS);
        }
        return channels;
    }

    /** The settings of a user who never set any. */
    public static NotificationConfig defaults(String userId) {
        return new NotificationConfig(userId, DEFAULT_CHANNELS);
    }

    /** Whether the user is notified on {@code channel}. */
    public boolean sends(DeliveryChannel channel) {
        return channels.contains(channel);
    }

    /** Whether the user is notified by email (the reference's {@code sendEmail}). */
    public boolean sendEmail() {
        return sends(DeliveryChannel.EMAIL);
    }

    /** Whether the user is notified in the service's app (the reference's {@code sendInApp}). */
    public boolean sendInApp() {
        return sends(DeliveryChannel.IN_APP);
    }

    /** Whether the user is notified by SMS (the reference's {@code sendSms}). */
    public boolean sendSms() {
        return sends(DeliveryChannel.SMS);
    }
}
