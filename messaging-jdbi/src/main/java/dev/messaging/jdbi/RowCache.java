package dev.messaging.jdbi;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.ReadFacts;
import dev.messaging.spi.ThreadRow;

/**
 * The rows an inbox page shows, kept in memory by their row keys and checked by version: a page
 * reads only its keys and versions from SQL and takes every row whose version still matches from
 * here, reading in full only the rows that changed. Versions come from the database with the keys,
 * so a write by another process or instance is seen at once (its version no longer matches).
 * Filled only by read-only transactions, which see committed rows alone: a version is never
 * cached for a row that might be rolled back.
 *
 * <p>Validity: a conversation by its {@code row_version}, which every UPDATE of the row increments
 * in SQL (its domain version does not move when only its summary or counters change); a thread and
 * a message by their domain version, which every write of theirs increments; a user's read facts
 * (see {@link ReadFacts}) by both the conversation's row version and the thread's version: they
 * are computed from the thread's read number and the conversation's customer messages, and a
 * customer message that arrives, is deleted or restored changes the conversation's counters. Row keys are never
 * reused. Each map is bounded ({@link #MAX_ROWS} entries, Caffeine's eviction by frequency and
 * recency; its upkeep runs on the calling thread, so the cache starts no threads of its own).
 */
final class RowCache {
    /** Entries per map at most: about 2 KB each, so the three hold some tens of MB at worst. */
    static final int MAX_ROWS = 10_000;

    record Conversation(long rowVersion, ConversationTable.Read read) {
    }

    private record ThreadKey(long conversation, String userId) {
    }

    private final Cache<Long, Conversation> conversations = bounded(MAX_ROWS);
    private final Cache<ThreadKey, ThreadRow> threads = bounded(MAX_ROWS);
    private final Cache<Long, MessageRow> messages = bounded(MAX_ROWS);
    private final Cache<ThreadKey, Facts> facts = bounded(MAX_ROWS);

    /** A user's {@link ReadFacts} on a conversation, valid for one row version of each. */
    private record Facts(long rowVersion, long threadVersion, ReadFacts facts) {
    }

    ConversationTable.Read conversation(long rid, long rowVersion) {
        Conversation cached = conversations.getIfPresent(rid);
        return cached != null && cached.rowVersion() == rowVersion ? cached.read() : null;
    }

    ThreadRow thread(long conversation, String userId, long version) {
        ThreadRow cached = threads.getIfPresent(new ThreadKey(conversation, userId));
        return cached != null && cached.meta().version() == version ? cached : null;
    }

    MessageRow message(long rid, long version) {
        MessageRow cached = messages.getIfPresent(rid);
        return cached != null && cached.message().version() == version ? cached : null;
    }

    /** The facts at the user's read point, or null if the conversation or the thread changed since. */
    ReadFacts facts(long conversation, String userId, long rowVersion, long threadVersion) {
        Facts cached = facts.getIfPresent(new ThreadKey(conversation, userId));
        return cached != null && cached.rowVersion() == rowVersion && cached.threadVersion() == threadVersion
                ? cached.facts() : null;
    }

    void put(long conversation, String userId, long rowVersion, long threadVersion, ReadFacts value) {
        facts.put(new ThreadKey(conversation, userId), new Facts(rowVersion, threadVersion, value));
    }

    void put(long rid, long rowVersion, ConversationTable.Read read) {
        conversations.put(rid, new Conversation(rowVersion, read));
    }

    void put(long conversation, ThreadRow thread) {
        threads.put(new ThreadKey(conversation, thread.userId()), thread);
    }

    void put(long rid, MessageRow message) {
        messages.put(rid, message);
    }

    /** A cache of at most {@code maximumSize} entries whose upkeep runs on the calling thread (no threads of its own). */
    static <K, V> Cache<K, V> bounded(int maximumSize) {
        return Caffeine.newBuilder().maximumSize(maximumSize).executor(Runnable::run).build();
    }
}
