package dev.messaging.message;

/**
 * How a message goes out by SMS: the location's sending number ({@code phoneNumberId}) and
 * whether to hold it during the location's quiet hours ({@code avoidQuietHours}, the reference's
 * {@code avoidSMSQuietHours}).
 */
public record SmsOptions(String phoneNumberId, boolean avoidQuietHours) {
    public static final SmsOptions NONE = new SmsOptions(null, false);

    /** An SMS that waits out the location's quiet window. */
    public static SmsOptions avoidingQuietHours() {
        return new SmsOptions(null, true);
    }

    /** These options with the customer phone number's id. */
    public SmsOptions withPhoneNumberId(String value) {
        return new SmsOptions(value, avoidQuietHours);
    }
}
