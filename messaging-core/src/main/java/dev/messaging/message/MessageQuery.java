package dev.messaging.message;

/**
 * A page of a conversation's messages, oldest first: from the start, {@code after} a cursor
 * (newer messages) or {@code before} one (older messages). Start from {@link #first()}.
 */
public record MessageQuery(Integer limit, String after, String before, boolean withDeleted) {

    /** The oldest messages first, 50 to a page, deleted ones left out. */
    public static MessageQuery first() {
        return new MessageQuery(null, null, null, false);
    }

    /** Up to {@code value} (1..100) messages a page. */
    public MessageQuery limit(Integer value) {
        return new MessageQuery(value, after, before, withDeleted);
    }

    /** The messages after a page's {@code nextCursor}. */
    public MessageQuery after(String cursor) {
        return new MessageQuery(limit, cursor, before, withDeleted);
    }

    /** The messages before a cursor (paging back toward the oldest). */
    public MessageQuery before(String cursor) {
        return new MessageQuery(limit, after, cursor, withDeleted);
    }

    /** Deleted messages too, each with its deletion. */
    public MessageQuery includeDeleted() {
        return new MessageQuery(limit, after, before, true);
    }
}
