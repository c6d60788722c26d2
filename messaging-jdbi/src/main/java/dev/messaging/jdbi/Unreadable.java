package dev.messaging.jdbi;

import dev.messaging.error.StorageException;
import dev.messaging.error.UnreadableRowException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rows that cannot be read back: a read of one names it ({@link UnreadableRowException}); a page
 * that meets one shows the rest of its row and says so in the log, once per row and process.
 */
final class Unreadable {
    private static final Logger LOG = LoggerFactory.getLogger(Unreadable.class);
    /** The rows already logged; bounded, so a store full of them cannot grow the heap (past it, none is). */
    private static final Set<String> LOGGED = ConcurrentHashMap.newKeySet();
    private static final int MAX_LOGGED = 10_000;

    private Unreadable() {
    }

    /** The exception naming the row {@code entity} {@code id} that failed to read with {@code failure}. */
    static StorageException row(String entity, String id, RuntimeException failure) {
        return failure instanceof StorageException storage ? storage : new UnreadableRowException(entity, id, failure);
    }

    /** Logs (once per row) that a row cannot be read, and what is done without it ({@code consequence}). */
    static void leftOut(UnreadableRowException e, String consequence) {
        String key = e.entity() + " " + e.id();
        if (LOGGED.size() < MAX_LOGGED && LOGGED.add(key)) {
            LOG.warn("{}; {} until the row is repaired", e.getMessage(), consequence);
        }
    }
}
