package dev.messaging.feed;

import dev.messaging.change.Change;
import dev.messaging.change.ChangeListener;
import dev.messaging.change.ChangeQuery;
import dev.messaging.common.Actor;
import dev.messaging.common.Page;
import dev.messaging.kernel.Access;
import dev.messaging.kernel.Engine;
import dev.messaging.kernel.Generation;
import dev.messaging.kernel.Validator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The tenant's change feed, for services that mirror or react to writes. Sequences are gap-free
 * and in commit order, so a reader that keeps the last sequence it handled resumes after a
 * restart with {@link #since} without missing or repeating anything (until {@link #prune}
 * drops old entries). Users and the system may read and prune it.
 */
public final class ChangeFeed {
    /** How many threads run subscriptions' listeners, by default. */
    public static final int DEFAULT_LISTENER_THREADS = 8;
    /** How many changes are queued for a subscription's listener at most, by default. */
    public static final int DEFAULT_MAX_WAITING = 10_000;
    /** How long a change may wait for a subscription's listener before it ends as fallen behind, by default. */
    public static final Duration DEFAULT_MAX_LAG = Duration.ofMinutes(1);
    private final Engine engine;
    private final Wakeups wakeups = new Wakeups();
    private final Dispatcher dispatcher;

    /**
     * The feed of {@code engine}'s store; built by {@code Messaging}. Subscriptions' listeners run
     * on up to {@code listenerThreads} threads, with up to {@code maxWaiting} changes queued for
     * each; one ends as fallen behind when a change waited for its listener longer than {@code maxLag}.
     */
    @SuppressWarnings("exports") // built by Messaging: users cannot obtain the kernel it takes
    public ChangeFeed(Engine engine, int listenerThreads, int maxWaiting, Duration maxLag) {
        this.engine = engine;
        this.dispatcher = new Dispatcher(this, listenerThreads, maxWaiting, maxLag);
        engine.onCommit((tenant, outbox) -> {
            wakeups.committed(tenant);
            dispatcher.committed(tenant);
        });
        engine.closeFirst(dispatcher);
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

    /** The changes after {@code sequence}, read for {@code actor}'s tenant with no check. */
    List<Change> read(Actor actor, long sequence, int limit) {
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

    /** The longest a long poll may wait. */
    public static final Duration MAX_AWAIT = Duration.ofMinutes(5);

    /**
     * A long poll: up to {@code limit} changes after {@code sequence}, returned as soon as one
     * exists, or an empty list after {@code timeout} (0 to 5 minutes). Woken at commit — in process,
     * and from other instances when the store can listen for them (PostgreSQL) — not by polling.
     */
    public List<Change> await(Actor actor, long sequence, int limit, Duration timeout) {
        Access.requireUserOrSystem(actor, "read the change feed");
        Validator v = engine.validator();
        if (sequence < 0) {
            v.add("sequence", "must not be negative");
        }
        v.limit("limit", limit, 50);
        v.required("timeout", timeout);
        if (timeout != null && (timeout.isNegative() || timeout.compareTo(MAX_AWAIT) > 0)) {
            v.add("timeout", "must be between 0 and " + MAX_AWAIT + ", was " + timeout);
        }
        v.throwIfAny();
        engine.listen();
        Generation signal = wakeups.acquire(actor.tenant());
        try {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long seen = signal.value();
                List<Change> changes = read(actor, sequence, limit);
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (!changes.isEmpty() || left <= 0) {
                    return changes;
                }
                try {
                    signal.awaitPast(seen, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return List.of();
                }
            }
        } finally {
            wakeups.release(actor.tenant());
        }
    }

    /**
     * Delivers every change after {@code sequence} to {@code listener}, once and in order, until
     * the subscription is closed; start again from {@link Subscription#lastSequence()} (kept by the
     * caller) after a restart. If the listener throws, the subscription ends and keeps the failure;
     * the change it failed on is the next one.
     *
     * <p>Cost: a subscription holds no thread and does not poll. The feed's one dispatcher thread
     * reads a woken tenant's feed once for all its subscriptions that keep up; listeners run on a
     * pool shared by every subscription of this messaging (8 threads unless configured), so a
     * listener that blocks holds one of them. Up to 10,000 changes (unless configured) are queued
     * for a listener, more read as it takes them: one slower than its tenant's writes delays only
     * itself, until a change has waited for it a minute (unless configured); then its subscription
     * ends with a {@link dev.messaging.error.FellBehindException}.
     */
    public Subscription subscribe(Actor actor, long sequence, ChangeListener listener) {
        Access.requireUserOrSystem(actor, "read the change feed");
        Validator v = engine.validator();
        if (sequence < 0) {
            v.add("sequence", "must not be negative");
        }
        v.required("listener", listener);
        v.throwIfAny();
        engine.listen();
        return dispatcher.subscribe(actor, sequence, listener);
    }

    /** How many tenants have subscriptions now (for tests: the closed ones leave nothing). */
    int subscribedTenants() {
        return dispatcher.tenants();
    }

    /** How many tenants someone waits on now (for tests: the waits that ended leave nothing). */
    int waitedTenants() {
        return wakeups.waited();
    }

    /**
     * Drops the oldest entries, up to the first one not older than {@code before}; returns how many
     * were dropped. The feed stays gap-free: an entry stamped early (the clock stepped back) is
     * dropped with the entries around it, not before them.
     */
    public int prune(Actor actor, Instant before) {
        Access.requireUserOrSystem(actor, "prune the change feed");
        Validator v = engine.validator();
        v.required("before", before);
        v.date("before", before);
        v.throwIfAny();
        return engine.write(actor, tx -> tx.pruneChanges(before));
    }
}
