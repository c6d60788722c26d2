package dev.messaging.inbox;

/**
 * Which conversations an inbox shows. {@code INBOX} (the default) hides conversations archived
 * by the user or shop-wide and those snoozed until a time still to come; {@code ARCHIVED} and
 * {@code SNOOZED} show only those (a snoozed conversation that is archived too shows as archived);
 * {@code ALL} hides nothing.
 */
public enum InboxView {
    INBOX, ARCHIVED, SNOOZED, ALL
}
