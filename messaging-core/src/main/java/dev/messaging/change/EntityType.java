package dev.messaging.change;

/** What kind of record a {@link Change} is about. */
public enum EntityType {
    CONVERSATION, MESSAGE, THREAD, NOTIFICATION_CONFIG, CUSTOMER, OUTLET, CONSENT, LOCATION_SETTINGS, CONSENT_CATEGORY
}
