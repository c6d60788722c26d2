package dev.messaging.feed;

import dev.messaging.change.Change;
import dev.messaging.change.ChangeListener;
import dev.messaging.common.Actor;
import dev.messaging.common.Tenant;
import dev.messaging.error.StoreClosedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one wake-up path of a feed's subscriptions: no thread and no poll per subscription. A
 * commit of a tenant someone subscribed to marks it woken; one thread reads each woken tenant's
 * feed once for all its subscriptions that keep up (once more for each at an older position, one
 * that catches up or whose listener is slower than the writes), a batch at a time for those with
 * room for it, and queues the changes on them; the listeners run on a bounded pool of threads, in
 * order per subscription. Idle subscriptions cost a map entry and nothing else.
 *
 * <p>Other instances' commits arrive the same way, from the store ({@code Store.listen}), which
 * itself says "maybe any tenant" every second while it cannot listen: the only poll left.
 */
final class Dispatcher implements AutoCloseable {
    /** How many changes one read takes, and one subscription hands its listener before yielding. */
    static final int BATCH = 100;
    private final ChangeFeed feed;
    private final int maxWaiting;
    private final long maxLagNanos;
    private final Map<Tenant, List<Subscription>> subscribed = new ConcurrentHashMap<>();
    private final Set<Tenant> woken = new LinkedHashSet<>();
    /** Tenants woken by a "maybe any tenant": read after those a commit named. */
    private final Set<Tenant> maybe = new LinkedHashSet<>();
    private final ThreadPoolExecutor listeners;
    private Thread thread;
    private boolean closed;

    Dispatcher(ChangeFeed feed, int threads, int maxWaiting, Duration maxLag) {
        this.feed = feed;
        this.maxWaiting = maxWaiting;
        this.maxLagNanos = maxLag.toNanos();
        AtomicInteger count = new AtomicInteger();
        this.listeners = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                task -> {
                    Thread t = new Thread(task, "messaging-listener-" + count.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        listeners.allowCoreThreadTimeOut(true); // idle subscriptions hold no thread
    }

    /** Starts delivering the changes after {@code sequence} to {@code listener}. */
    Subscription subscribe(Actor actor, long sequence, ChangeListener listener) {
        Subscription s = new Subscription(this, actor, sequence, listener, maxWaiting, maxLagNanos);
        synchronized (this) {
            if (closed) {
                throw new StoreClosedException("this messaging is closed");
            }
            if (thread == null) {
                thread = new Thread(this::run, "messaging-dispatcher");
                thread.setDaemon(true);
                thread.start();
            }
        }
        subscribed.computeIfAbsent(actor.tenant(), t -> new CopyOnWriteArrayList<>()).add(s);
        wake(actor.tenant());
        return s;
    }

    /** Forgets a subscription that ended; the tenant's entry goes with its last. */
    void remove(Subscription s) {
        subscribed.computeIfPresent(s.actor().tenant(), (t, list) -> {
            list.remove(s);
            return list.isEmpty() ? null : list;
        });
    }

    /** A write of {@code tenant} committed (null: maybe any tenant). */
    void committed(Tenant tenant) {
        if (tenant == null) {
            wakeAll();
        } else if (subscribed.containsKey(tenant)) {
            wake(tenant);
        }
    }

    /** Reads the tenant's feed for its subscriptions soon (once, however often it is asked before). */
    synchronized void wake(Tenant tenant) {
        if (woken.add(tenant)) {
            notifyAll();
        }
    }

    /**
     * Reads every subscribed tenant's feed, after the tenants a commit named: a sweep for a
     * "maybe any tenant" (1,000 reads for 1,000 subscribed tenants) does not delay their listeners.
     */
    private synchronized void wakeAll() {
        for (Tenant tenant : subscribed.keySet()) {
            if (!woken.contains(tenant)) {
                maybe.add(tenant);
            }
        }
        notifyAll();
    }

    /** Runs a subscription's turn with its listener on the pool; false once the pool is shut (closing). */
    boolean hand(Runnable turn) {
        try {
            listeners.execute(turn);
            return true;
        } catch (RejectedExecutionException closing) {
            return false;
        }
    }

    /** How many tenants have subscriptions now (for tests). */
    int tenants() {
        return subscribed.size();
    }

    private void run() {
        while (true) {
            Tenant tenant;
            synchronized (this) {
                while (woken.isEmpty() && maybe.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                Iterator<Tenant> first = (woken.isEmpty() ? maybe : woken).iterator();
                tenant = first.next();
                first.remove(); // before reading: a commit during the read wakes it again
                maybe.remove(tenant);
            }
            List<Subscription> subscriptions = subscribed.get(tenant);
            try {
                if (subscriptions != null && dispatch(subscriptions)) {
                    wake(tenant); // more to read: after the other woken tenants
                }
            } catch (RuntimeException | Error e) {
                // never die silently: the tenant's subscriptions end with it, the others go on
                subscriptions.forEach(s -> s.end(e));
            }
        }
    }

    /**
     * One round for a tenant: ends the subscriptions that fell behind, then reads a batch for those
     * with room (each takes what fits), once per position they are at (those that keep up share the
     * head's); true if there may be more to read for them now.
     */
    private boolean dispatch(List<Subscription> subscriptions) {
        long now = System.nanoTime();
        Map<Long, List<Subscription>> atPosition = new TreeMap<>();
        for (Subscription s : subscriptions) {
            if (!s.isOpen() || s.fellBehind(now)) {
                continue;
            }
            if (s.hasRoomElseBehind()) {
                atPosition.computeIfAbsent(s.queued(), p -> new ArrayList<>()).add(s);
            }
        }
        boolean more = false;
        for (Map.Entry<Long, List<Subscription>> group : atPosition.entrySet()) {
            more |= read(group.getValue(), group.getKey());
        }
        return more;
    }

    private boolean read(List<Subscription> readers, long after) {
        List<Change> batch;
        try {
            batch = feed.read(readers.get(0).actor(), after, BATCH);
        } catch (StoreClosedException e) {
            readers.forEach(s -> s.end(null));
            return false;
        } catch (RuntimeException e) {
            readers.forEach(s -> s.end(e));
            return false;
        }
        boolean full = batch.size() == BATCH;
        for (Subscription s : readers) {
            s.offer(batch, !full);
        }
        return full;
    }

    /** Ends every subscription (not as failed) and stops the threads, waiting a little for listeners. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        subscribed.values().forEach(list -> list.forEach(s -> s.end(null)));
        listeners.shutdown();
        try {
            listeners.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
