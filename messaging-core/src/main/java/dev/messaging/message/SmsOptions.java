package dev.messaging.message;

/**
 * How a message goes out by SMS: the location's sending number ({@code phoneNumberId}), whether to
 * hold it during the location's quiet hours ({@code avoidQuietHours}, the reference's
 * {@code avoidSMSQuietHours}), and the numbers a send names as LeadConnector's send body does
 * ({@code fromNumber}, the location's number to send from; {@code toNumber}, the customer's number
 * to send to instead of the one on file). Numbers are kept as given.
 */
public record SmsOptions(String phoneNumberId, boolean avoidQuietHours, String fromNumber, String toNumber) {
    public static final SmsOptions NONE = new SmsOptions(null, false, null, null);

    /** Options without numbers (the fields before they were added). */
    public SmsOptions(String phoneNumberId, boolean avoidQuietHours) {
        this(phoneNumberId, avoidQuietHours, null, null);
    }

    /** An SMS that waits out the location's quiet window. */
    public static SmsOptions avoidingQuietHours() {
        return new SmsOptions(null, true);
    }

    /** These options with the customer phone number's id. */
    public SmsOptions withPhoneNumberId(String value) {
        return new SmsOptions(value, avoidQuietHours, fromNumber, toNumber);
    }

    /** These options sending from {@code from} to {@code to} (either may be null: the default). */
    public SmsOptions withNumbers(String from, String to) {
        return new SmsOptions(phoneNumberId, avoidQuietHours, from, to);
    }
}
