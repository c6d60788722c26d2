package dev.messaging.feed;

import dev.messaging.change.Change;
import dev.messaging.change.ChangeListener;
import dev.messaging.common.Actor;
import dev.messaging.error.FellBehindException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A running subscription to a tenant's change feed (see {@link ChangeFeed#subscribe}). It has no
 * thread of its own: the feed's dispatcher queues the changes on it as commits wake it, up to the
 * configured number, and its listener takes them on the feed's listener pool, one at a time and in
 * order; the dispatcher reads more for it as room frees, so a listener slower than the writes
 * delays only itself and holds a bounded number of changes. When a change has waited for the
 * listener longer than the configured lag, the subscription ends with a {@link FellBehindException}
 * as its {@link #failure()}, and the caller subscribes again from {@link #lastSequence()}. Close it
 * to stop.
 */
public final class Subscription implements AutoCloseable {
    private final Dispatcher dispatcher;
    private final Actor actor;
    private final ChangeListener listener;
    private final int maxWaiting;
    private final long maxLagNanos;
    private final ArrayDeque<Change> waiting = new ArrayDeque<>(); // guarded by this
    private final ArrayDeque<Long> queuedAt = new ArrayDeque<>(); // guarded by this: when each was queued
    private boolean handing; // guarded by this: a turn is queued or running
    private volatile Thread listenerThread;
    private volatile long queued;
    private volatile boolean caughtUp;
    private volatile long lastSequence;
    private volatile boolean open = true;
    private volatile Throwable failure;

    Subscription(Dispatcher dispatcher, Actor actor, long after, ChangeListener listener, int maxWaiting,
            long maxLagNanos) {
        this.dispatcher = dispatcher;
        this.maxLagNanos = maxLagNanos;
        this.actor = actor;
        this.listener = listener;
        this.maxWaiting = maxWaiting;
        this.queued = after;
        this.lastSequence = after;
    }

    Actor actor() {
        return actor;
    }

    /** The sequence of the last change queued (read from the feed) for the listener. */
    long queued() {
        return queued;
    }

    /**
     * Whether a change may be queued on it; if not, it is no longer at the feed's head, and its
     * listener asks for a read once it made room (checked together with that, under its lock).
     */
    synchronized boolean hasRoomElseBehind() {
        if (waiting.size() < maxWaiting) {
            return true;
        }
        caughtUp = false;
        return false;
    }

    /**
     * Ends it as fallen behind if the oldest change waiting for the listener was queued more than
     * the configured lag before {@code now}; true if it did.
     */
    synchronized boolean fellBehind(long now) {
        Long oldest = queuedAt.peek();
        if (open && oldest != null && now - oldest > maxLagNanos) {
            end(new FellBehindException(waiting.size(), lastSequence));
            return true;
        }
        return false;
    }

    /** How many more changes may be queued for the listener. */
    synchronized int room() {
        return maxWaiting - waiting.size();
    }

    /**
     * The dispatcher's read: queues what is new to it while it has room; {@code head} when the read
     * reached the end of the feed (it is then caught up if it took all).
     */
    void offer(List<Change> batch, boolean head) {
        boolean start;
        synchronized (this) {
            if (!open) {
                return;
            }
            long now = System.nanoTime();
            boolean tookAll = true;
            for (Change change : batch) {
                if (change.sequence() <= queued) {
                    continue;
                }
                if (waiting.size() >= maxWaiting) {
                    tookAll = false; // read again when the listener has made room
                    break;
                }
                waiting.add(change);
                queuedAt.add(now);
                queued = change.sequence();
            }
            caughtUp = head && tookAll;
            start = !handing && !waiting.isEmpty();
            handing |= start;
        }
        if (start && !dispatcher.hand(this::turn)) {
            handed();
        }
    }

    /** No turn is queued or running any more (a closing pool refused one). */
    private synchronized void handed() {
        handing = false;
        notifyAll();
    }

    /** Hands the listener up to a batch of waiting changes, then yields the pool thread. */
    private void turn() {
        listenerThread = Thread.currentThread();
        try {
            for (int i = 0; i < Dispatcher.BATCH; i++) {
                Change change;
                synchronized (this) {
                    change = open ? waiting.poll() : null;
                    queuedAt.poll();
                    if (change == null) {
                        handed();
                        return;
                    }
                }
                try {
                    listener.onChange(change);
                } catch (Throwable e) {
                    end(e); // the change it failed on stays the next one
                    handed();
                    return;
                }
                lastSequence = change.sequence();
            }
            boolean again;
            synchronized (this) {
                again = open && !waiting.isEmpty();
                handing = again;
                notifyAll();
            }
            if (again && !dispatcher.hand(this::turn)) {
                handed();
            }
        } finally {
            listenerThread = null;
            boolean read;
            synchronized (this) {
                read = open && !caughtUp && room() >= Dispatcher.BATCH;
            }
            if (read) {
                dispatcher.wake(actor.tenant()); // behind the head: room for the next batch
            }
        }
    }

    /** Ends it: closed ({@code why} null) or failed. */
    void end(Throwable why) {
        synchronized (this) {
            if (!open) {
                return;
            }
            failure = why;
            open = false;
            waiting.clear();
            queuedAt.clear();
            notifyAll();
        }
        dispatcher.remove(this);
    }

    /** The sequence of the last change the listener took (where to start again). */
    public long lastSequence() {
        return lastSequence;
    }

    /** Whether it still delivers (not closed, not failed, not fallen behind, the messaging not closed). */
    public boolean isOpen() {
        return open;
    }

    /** What ended it: what its listener threw, a store failure, a {@link FellBehindException}; null otherwise. */
    public Throwable failure() {
        return failure;
    }

    /**
     * Stops delivering; waits (up to 5 s) for the listener's current change, so that
     * {@link #lastSequence()} is final when it returns (unless called from the listener itself).
     */
    @Override
    public void close() {
        end(null);
        if (Thread.currentThread() == listenerThread) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        synchronized (this) {
            while (handing) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return;
                }
                try {
                    wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
