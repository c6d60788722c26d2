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
 * thread of its own: the feed's dispatcher queues the changes on it as commits wake it, and its
 * listener takes them on the feed's listener pool, one at a time and in order. A listener slower
 * than the writes delays only itself, until the configured number of changes wait for it: then the
 * subscription ends with a {@link FellBehindException} as its {@link #failure()}, and the caller
 * subscribes again from {@link #lastSequence()}. Close it to stop.
 */
public final class Subscription implements AutoCloseable {
    private final Dispatcher dispatcher;
    private final Actor actor;
    private final ChangeListener listener;
    private final int maxWaiting;
    private final ArrayDeque<Change> waiting = new ArrayDeque<>(); // guarded by this
    private boolean handing; // guarded by this: a turn is queued or running
    private volatile Thread listenerThread;
    private volatile long queued;
    private volatile boolean caughtUp;
    private volatile long lastSequence;
    private volatile boolean open = true;
    private volatile Throwable failure;

    Subscription(Dispatcher dispatcher, Actor actor, long after, ChangeListener listener, int maxWaiting) {
        this.dispatcher = dispatcher;
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

    /** Whether its reads reached the feed's head once: it then gets every new change as it comes. */
    boolean caughtUp() {
        return caughtUp;
    }

    /** How many more changes may wait for the listener. */
    synchronized int room() {
        return maxWaiting - waiting.size();
    }

    /** The dispatcher's read: queues what is new to it; {@code head} when the read reached the end. */
    void offer(List<Change> batch, boolean head) {
        boolean start;
        synchronized (this) {
            if (!open) {
                return;
            }
            for (Change change : batch) {
                if (change.sequence() <= queued) {
                    continue;
                }
                if (waiting.size() >= maxWaiting) {
                    end(new FellBehindException(waiting.size(), lastSequence));
                    return;
                }
                waiting.add(change);
                queued = change.sequence();
            }
            if (head) {
                caughtUp = true;
            }
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
            if (open && !caughtUp && room() >= Dispatcher.BATCH) {
                dispatcher.wake(actor.tenant()); // catching up: room for the next batch
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
