package dev.messaging.view.shopmonkey;

import dev.messaging.notification.NotificationConfig;

/** The Shopmonkey user notification config. */
public record NotificationConfigView(Boolean sendEmail, Boolean sendInApp, Boolean sendSms) {

    /** The settings {@code c} on the wire. */
    public static NotificationConfigView from(NotificationConfig c) {
        return new NotificationConfigView(c.sendEmail(), c.sendInApp(), c.sendSms());
    }

    /** The settings for {@code userId}; a missing flag keeps its default (true). */
    public NotificationConfig toDomain(String userId) {
        return new NotificationConfig(userId, !Boolean.FALSE.equals(sendEmail), !Boolean.FALSE.equals(sendInApp),
                !Boolean.FALSE.equals(sendSms));
    }
}
