package dev.messaging.feed;

import dev.messaging.change.Change;
import dev.messaging.change.ChangeListener;
import dev.messaging.common.Actor;
import dev.messaging.error.StoreClosedException;
import dev.messaging.feed.ChangeFeed;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A running subscription to a tenant's change feed (see {@link ChangeFeed#subscribe}): a daemon
 * thread that reads the feed after the last change it delivered, hands each change to the
 * listener, and sleeps until a commit wakes it (or, at the latest, a second later). Close it to stop.
 */
public final class Subscription implements AutoCloseable {
    /** The longest a subscription sleeps without a wake-up (the fallback for a missed one). */
    static final long FALLBACK_MILLIS = 1_000;
    private final ChangeFeed feed;
    private final Actor actor;
    private final ChangeListener listener;
    private final Thread thread;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile long lastSequence;
    private volatile boolean open = true;
    private volatile Throwable failure;

    Subscription(ChangeFeed feed, Actor actor, long after, ChangeListener listener) {
        this.feed = feed;
        this.actor = actor;
        this.listener = listener;
        this.lastSequence = after;
        this.thread = new Thread(this::run, "messaging-subscription-" + actor.tenant().locationId());
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        try {
            while (open) {
                List<Change> changes = feed.next(actor, lastSequence, FALLBACK_MILLIS);
                for (Change change : changes) {
                    if (!open) {
                        return;
                    }
                    listener.onChange(change);
                    lastSequence = change.sequence();
                }
            }
        } catch (StoreClosedException | InterruptedException e) {
            open = false;
        } catch (Throwable e) {
            failure = e;
            open = false;
        } finally {
            stopped.countDown();
        }
    }

    /** The sequence of the last change the listener took (where to start again). */
    public long lastSequence() {
        return lastSequence;
    }

    /** Whether it still delivers (not closed, not failed, the messaging not closed). */
    public boolean isOpen() {
        return open;
    }

    /** What stopped it, if the listener threw or the store failed; null otherwise. */
    public Throwable failure() {
        return failure;
    }

    /** Stops delivering; waits (up to 5 s) for the listener's current change. */
    @Override
    public void close() {
        open = false;
        feed.wake(actor);
        try {
            stopped.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
