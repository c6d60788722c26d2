package dev.messaging;

import dev.messaging.change.Change;
import java.time.Instant;
import java.util.List;

/**
 * The tenant's change feed, for services that mirror or react to writes. Sequences are gap-free
 * and in commit order, so a reader that keeps the last sequence it handled resumes after a
 * restart with {@link #since} without missing or repeating anything (until {@link #prune}
 * drops old entries). Users and the system may read and prune it.
 */
public final class ChangeFeed {
    private final Engine engine;

    ChangeFeed(Engine engine) {
        this.engine = engine;
    }

    /** Up to {@code limit} (1..100) changes with a sequence above {@code sequence}, in order. */
    public List<Change> since(Actor actor, long sequence, int limit) {
        Access.requireUserOrSystem(actor, "read the change feed");
        Validator v = engine.validator();
        if (sequence < 0) {
            v.add("sequence", "must not be negative");
        }
        v.limit("limit", limit, 50);
        v.throwIfAny();
        return engine.read(actor, tx -> tx.changesSince(sequence, limit));
    }

    /** Drops the entries older than {@code before}; returns how many were dropped. */
    public int prune(Actor actor, Instant before) {
        Access.requireUserOrSystem(actor, "prune the change feed");
        Validator v = engine.validator();
        v.required("before", before);
        v.throwIfAny();
        return engine.write(actor, tx -> tx.pruneChanges(before));
    }
}
