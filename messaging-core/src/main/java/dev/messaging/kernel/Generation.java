package dev.messaging.kernel;

import java.util.concurrent.TimeUnit;

/**
 * A counter to wait on: a wake-up that carries no data. A waiter reads it before it looks for
 * work, and waits for it to move; a wake-up lost or repeated changes nothing but time.
 */
public final class Generation {
    private long value;

    /** The current value: read it before looking, wait past it after. */
    public synchronized long value() {
        return value;
    }

    /** Moves the counter and wakes every waiter. */
    public synchronized void advance() {
        value++;
        notifyAll();
    }

    /** Waits until the counter moves past {@code seen}, or {@code millis} pass; true if it moved. */
    public synchronized boolean awaitPast(long seen, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (value == seen) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }
}
