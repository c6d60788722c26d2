package dev.messaging.message;

/** A provider's report on the email or SMS of a message: the status reached, and the error if any. */
public record DeliveryUpdate(DeliveryChannel channel, DeliveryStatus status, String error) {

    /** The email send moved to {@code status}. */
    public static DeliveryUpdate email(DeliveryStatus status) {
        return new DeliveryUpdate(DeliveryChannel.EMAIL, status, null);
    }

    /** The SMS send moved to {@code status}. */
    public static DeliveryUpdate sms(DeliveryStatus status) {
        return new DeliveryUpdate(DeliveryChannel.SMS, status, null);
    }

    /** The same update with the provider's error text. */
    public DeliveryUpdate withError(String value) {
        return new DeliveryUpdate(channel, status, value);
    }
}
