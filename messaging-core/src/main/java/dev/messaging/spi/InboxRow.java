package dev.messaging.spi;

/**
 * A conversation with the acting user's thread row (null if never stored), its last message (null
 * if none), and — optionally, for stores where a lookup per row costs a round trip — the
 * {@link ReadFacts} at the thread's own read number, computed in the same query (null if not).
 */
public record InboxRow(ConversationRow conversation, ThreadRow thread, MessageRow lastMessage, ReadFacts facts) {

    /** A row whose read facts the rules compute from the thread (a store that does not compute them). */
    public InboxRow(ConversationRow conversation, ThreadRow thread, MessageRow lastMessage) {
        this(conversation, thread, lastMessage, null);
    }
}
