package dev.messaging.kernel;

import dev.messaging.common.Actor;
import dev.messaging.common.Limits;
import dev.messaging.common.Tenant;
import dev.messaging.error.StoreClosedException;
import dev.messaging.spi.CommitListener;
import dev.messaging.spi.DuplicateIdException;
import dev.messaging.spi.Store;
import dev.messaging.spi.StoreTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The plumbing every wing of one {@code Messaging} shares, and no rule: the gate to the store,
 * the injected clock and ids, transactions, and commit notices. Times are truncated to
 * milliseconds here, so every store keeps the same precision.
 *
 * <p>Every call to the store passes the gate: {@link #close} shuts it to new calls, waits (up to the
 * configured time) for the calls in flight, then closes what was registered and the store; a call
 * after that gets a {@link StoreClosedException}, whatever the store. The gate is a read-write
 * lock: calls share its read side (a CAS each), closing takes the write side.
 *
 * <p>Commits are told to the {@link CommitListener}s the wings register: after each write of this
 * instance (with {@code outbox} false: the outbox wakes its own workers), and, once a wing asked
 * for it with {@link #listen}, of writes other instances committed to the same database.
 */
public final class Engine {
    /** How a messaging was configured: its clock, its id source, its size limits, its close wait. */
    public record Options(Clock clock, Supplier<String> ids, Limits limits, Duration closeTimeout) {
    }

    private final Store store;
    private final Clock clock;
    private final Supplier<String> ids;
    private final Limits limits;
    private final Duration closeTimeout;
    private final List<CommitListener> commitListeners = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closeables = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closedFirst = new CopyOnWriteArrayList<>();
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private AutoCloseable listening;

    /** The plumbing over {@code store}, configured by {@code options}; built once per {@code Messaging}. */
    public Engine(Store store, Options options) {
        this.store = store;
        this.clock = options.clock();
        this.ids = options.ids();
        this.limits = options.limits();
        this.closeTimeout = options.closeTimeout();
    }

    /** Tells {@code listener} of every commit from now on (see the class comment). */
    public void onCommit(CommitListener listener) {
        commitListeners.add(listener);
    }

    /**
     * Closes {@code resource} first when this engine closes, while calls still pass (a delivery
     * worker finishes its sends in flight and records their outcomes); {@link #forget} it once it
     * closed on its own.
     */
    public void closeFirst(AutoCloseable resource) {
        closedFirst.add(resource);
    }

    /** No longer closes {@code resource} (registered with {@link #closeFirst}). */
    public void forget(AutoCloseable resource) {
        closedFirst.remove(resource);
    }

    /** Closes {@code resource} when this engine closes, after the calls in flight and before the store. */
    public void closeWith(AutoCloseable resource) {
        closeables.add(resource);
    }

    /**
     * Starts listening for other instances' commits (once; the first long poll, subscription or
     * worker asks), so that their writes reach the commit listeners too.
     */
    public synchronized void listen() {
        if (listening == null && !closed) {
            listening = store.listen(this::committed);
        }
    }

    private void committed(Tenant tenant, boolean outbox) {
        for (CommitListener listener : commitListeners) {
            listener.committed(tenant, outbox);
        }
    }

    /** Now, from the injected clock, truncated to milliseconds. */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /** A new record id from the injected generator. */
    public String newId() {
        return ids.get();
    }

    /** A fresh collector of one request's problems, sizes held to the configured limits. */
    public Validator validator() {
        return new Validator(limits);
    }

    /** Checks the id a call targets (a record's id, a conversation of a list): required and well-formed. */
    public void requireTargetId(String field, String value) {
        Validator v = validator();
        v.requiredId(field, value);
        v.throwIfAny();
    }

    /**
     * Runs {@code work} in a write transaction of the actor's tenant, again (up to three times in
     * all) when it lost a unique-key race and asked for a {@link Retry}; tells the commit listeners
     * once it committed.
     */
    public <T> T write(Tenant tenant, Function<StoreTransaction, T> work) {
        enter();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    T result = store.inTransaction(tenant, work);
                    committed(tenant, false);
                    return result;
                } catch (Retry retry) {
                    if (attempt == 3) {
                        throw new IllegalStateException("lost the same insert race three times", retry);
                    }
                } catch (DuplicateIdException e) {
                    // a store that sent the insert with a later statement: the write failed as a whole
                    throw e.asConflict(e.entity() == null ? "record" : e.entity());
                }
            }
        } finally {
            gate.readLock().unlock();
        }
    }

    /** {@link #write(Tenant, Function)} in the actor's tenant. */
    public <T> T write(Actor actor, Function<StoreTransaction, T> work) {
        return write(actor.tenant(), work);
    }

    /** {@link #read(Tenant, Function)} in the actor's tenant. */
    public <T> T read(Actor actor, Function<StoreTransaction, T> work) {
        return read(actor.tenant(), work);
    }

    /** Runs {@code work} against a committed state of {@code tenant}. */
    public <T> T read(Tenant tenant, Function<StoreTransaction, T> work) {
        return gated(() -> store.read(tenant, work));
    }

    /** A read of what is stored, past the store's copies in memory (verification). */
    public <T> T readFromStorage(Tenant tenant, Function<StoreTransaction, T> work) {
        return gated(() -> store.readFromStorage(tenant, work));
    }

    /** {@code call} on the store as a call in flight: refused once closing, waited for by close. */
    public <T> T gated(Function<Store, T> call) {
        enter();
        try {
            return call.apply(store);
        } finally {
            gate.readLock().unlock();
        }
    }

    private <T> T gated(Supplier<T> call) {
        return gated(s -> call.get());
    }

    private void enter() {
        if (closed || !gate.readLock().tryLock()) {
            throw new StoreClosedException("this messaging is closed");
        }
        if (closed) {
            gate.readLock().unlock();
            throw new StoreClosedException("this messaging is closed");
        }
    }

    /**
     * Takes no new call, waits up to the close timeout for the calls in flight, then closes the
     * registered resources (a translator's threads) and the store. Closing twice does nothing more.
     */
    public void close() {
        if (closed) {
            return;
        }
        closedFirst.forEach(Engine::closeQuietly);
        closed = true;
        boolean drained = false;
        try {
            drained = gate.writeLock().tryLock(closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            synchronized (this) {
                closeQuietly(listening);
            }
            closeables.forEach(Engine::closeQuietly);
            store.close();
        } finally {
            if (drained) {
                gate.writeLock().unlock();
            }
        }
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            // it stops with the store either way
        }
    }

    /** Thrown inside a transaction to roll it back and run it again (a lost insert race). */
    public static final class Retry extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** A retry without a stack trace (it is control flow). */
        public Retry() {
            super(null, null, false, false);
        }
    }
}
