package dev.messaging.change;

/** What a {@link Change} did to its record. */
public enum Operation {
    CREATE, UPDATE, DELETE, RESTORE, READ, UNREAD, READ_ALL, DELIVERY, ERASE
}
