package dev.messaging.change;

/**
 * A page of the change feed, in sequence order: from the start, or after a cursor — a previous
 * page's {@code nextCursor}, which is the decimal sequence of its last change, so a reader may
 * keep the sequence it handled and come back with {@link #afterSequence}. Start from
 * {@link #first()}; 1..100 a page (default 50).
 */
public record ChangeQuery(String after, Integer limit) {

    /** From the first change still kept. */
    public static ChangeQuery first() {
        return new ChangeQuery(null, null);
    }

    /** The changes after sequence {@code sequence} (0: from the start). */
    public static ChangeQuery afterSequence(long sequence) {
        return new ChangeQuery(Long.toString(sequence), null);
    }

    /** The page after {@code cursor} (a previous page's {@code nextCursor}). */
    public ChangeQuery after(String cursor) {
        return new ChangeQuery(cursor, limit);
    }

    /** Up to {@code value} (1..100) changes a page. */
    public ChangeQuery limit(Integer value) {
        return new ChangeQuery(after, value);
    }
}
