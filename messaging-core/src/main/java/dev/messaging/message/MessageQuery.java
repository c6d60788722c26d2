package dev.messaging.message;

/**
 * A page of a conversation's messages, oldest first: from the start, {@code after} a cursor
 * (newer messages) or {@code before} one (older messages). Start from {@link #first()}.
 */
public record MessageQuery(Integer limit, String after, String before, boolean withDeleted) {

    public static MessageQuery first() {
        return new MessageQuery(null, null, null, false);
    }

    public MessageQuery limit(Integer value) {
        return new MessageQuery(value, after, before, withDeleted);
    }

    public MessageQuery after(String cursor) {
        return new MessageQuery(limit, cursor, before, withDeleted);
    }

    public MessageQuery before(String cursor) {
        return new MessageQuery(limit, after, cursor, withDeleted);
    }

    public MessageQuery includeDeleted() {
        return new MessageQuery(limit, after, before, true);
    }
}
