package dev.messaging;

import dev.messaging.change.Change;
import dev.messaging.change.ChangeQuery;
import dev.messaging.common.Page;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

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
        return read(actor, sequence, limit);
    }

    private List<Change> read(Actor actor, long sequence, int limit) {
        return engine.read(actor, tx -> tx.changesSince(sequence, limit));
    }

    /**
     * A page of the feed (see {@link ChangeQuery}). Unlike other lists, {@code nextCursor} is set
     * on the last page too — the sequence of its last change, or the query's own position when it
     * is empty — so that a reader polls again from it.
     */
    public Page<Change> list(Actor actor, ChangeQuery query) {
        Access.requireUserOrSystem(actor, "read the change feed");
        Validator v = engine.validator();
        v.required("query", query);
        v.throwIfAny();
        long after = 0;
        if (query.after() != null) {
            try {
                after = Long.parseLong(query.after());
                if (after < 0) {
                    v.add("after", "must not be negative");
                }
            } catch (NumberFormatException e) {
                v.add("after", "is not a change-feed cursor (a sequence number)");
            }
        }
        int limit = v.limit("limit", query.limit(), 50);
        v.throwIfAny();
        List<Change> changes = read(actor, after, limit + 1);
        boolean hasMore = changes.size() > limit;
        List<Change> page = hasMore ? changes.subList(0, limit) : changes;
        long last = page.isEmpty() ? after : page.get(page.size() - 1).sequence();
        return new Page<>(page, hasMore, Long.toString(last), null);
    }

    /**
     * Every change after {@code sequence} to the end of the feed, read lazily a hundred at a time
     * (each batch in its own read; the feed only grows, so nothing is missed or repeated).
     */
    public Stream<Change> stream(Actor actor, long sequence) {
        List<Change> first = since(actor, sequence, 100);
        return Stream.iterate(first, batch -> !batch.isEmpty(),
                batch -> batch.size() < 100 ? List.<Change>of()
                        : read(actor, batch.get(batch.size() - 1).sequence(), 100))
                .flatMap(List::stream);
    }

    /** Drops the entries older than {@code before}; returns how many were dropped. */
    public int prune(Actor actor, Instant before) {
        Access.requireUserOrSystem(actor, "prune the change feed");
        Validator v = engine.validator();
        v.required("before", before);
        v.date("before", before);
        v.throwIfAny();
        return engine.write(actor, tx -> tx.pruneChanges(before));
    }
}
