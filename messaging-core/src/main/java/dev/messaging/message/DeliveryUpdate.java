package dev.messaging.message;

/** A provider's report on the email or SMS of a message: the status reached, and the error if any. */
public record DeliveryUpdate(DeliveryChannel channel, DeliveryStatus status, String error) {

    public static DeliveryUpdate email(DeliveryStatus status) {
        return new DeliveryUpdate(DeliveryChannel.EMAIL, status, null);
    }

    public static DeliveryUpdate sms(DeliveryStatus status) {
        return new DeliveryUpdate(DeliveryChannel.SMS, status, null);
    }

    public DeliveryUpdate withError(String value) {
        return new DeliveryUpdate(channel, status, value);
    }
}
