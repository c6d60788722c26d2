package dev.messaging.message;

import java.util.Arrays;
import java.util.Set;

/**
 * A page of a conversation's messages, oldest first: from the start, {@code after} a cursor
 * (newer messages) or {@code before} one (older messages); of the given {@code types} only when
 * some are given (LeadConnector's {@code type} filter). Start from {@link #first()}.
 */
public record MessageQuery(Integer limit, String after, String before, boolean withDeleted, Set<MessageChannel> types) {
    public MessageQuery {
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    /** A query of every type. */
    public MessageQuery(Integer limit, String after, String before, boolean withDeleted) {
        this(limit, after, before, withDeleted, Set.of());
    }

    /** The oldest messages first, 50 to a page, deleted ones left out. */
    public static MessageQuery first() {
        return new MessageQuery(null, null, null, false);
    }

    /** Up to {@code value} (1..100) messages a page. */
    public MessageQuery limit(Integer value) {
        return new MessageQuery(value, after, before, withDeleted, types);
    }

    /** The messages after a page's {@code nextCursor}. */
    public MessageQuery after(String cursor) {
        return new MessageQuery(limit, cursor, before, withDeleted, types);
    }

    /** The messages before a cursor (paging back toward the oldest). */
    public MessageQuery before(String cursor) {
        return new MessageQuery(limit, after, cursor, withDeleted, types);
    }

    /** Deleted messages too, each with its deletion. */
    public MessageQuery includeDeleted() {
        return new MessageQuery(limit, after, before, true, types);
    }

    /**
     * Only messages of these types (a page's cursor is for its own types). Cost: the conversation's
     * messages are read in order until a page of them is found.
     */
    public MessageQuery types(MessageChannel... value) {
        return new MessageQuery(limit, after, before, withDeleted, Set.copyOf(Arrays.asList(value)));
    }
}
