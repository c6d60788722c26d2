package dev.messaging.notification;

/** How a user wants to be told about new customer messages; all true until the user sets them. */
public record NotificationConfig(String userId, boolean sendEmail, boolean sendInApp, boolean sendSms) {

    /** The settings of a user who never set any. */
    public static NotificationConfig defaults(String userId) {
        return new NotificationConfig(userId, true, true, true);
    }
}
