package dev.messaging.message;

import java.time.Instant;
import java.util.Arrays;
import java.util.Set;

/**
 * A page of a location's messages across its conversations (LeadConnector's message export): live
 * messages created in {@code [from, to)} when set, of one customer's conversations when
 * {@code customerId} is set, of the given {@code types} when some are given; in a stable order,
 * {@code limit} to a page, resumed {@code after} a page's cursor. Start from {@link #all()}.
 */
public record MessageExport(Integer limit, String after, Instant from, Instant to, String customerId,
        Set<MessageChannel> types) {
    public MessageExport {
        types = types == null ? Set.of() : Set.copyOf(types);
    }

    /** Every live message of the location, 50 to a page. */
    public static MessageExport all() {
        return new MessageExport(null, null, null, null, null, Set.of());
    }

    /** Up to {@code value} (1..100) messages a page. */
    public MessageExport limit(Integer value) {
        return new MessageExport(value, after, from, to, customerId, types);
    }

    /** The messages after a page's {@code nextCursor} (with the same filters). */
    public MessageExport after(String cursor) {
        return new MessageExport(limit, cursor, from, to, customerId, types);
    }

    /** Messages created at or after {@code start} and before {@code end} (either may be null: open). */
    public MessageExport between(Instant start, Instant end) {
        return new MessageExport(limit, after, start, end, customerId, types);
    }

    /** Only the messages of this customer's conversations. */
    public MessageExport customer(String value) {
        return new MessageExport(limit, after, from, to, value, types);
    }

    /** Only messages of these types (the export's {@code channel}). */
    public MessageExport types(MessageChannel... value) {
        return new MessageExport(limit, after, from, to, customerId, Set.copyOf(Arrays.asList(value)));
    }
}
