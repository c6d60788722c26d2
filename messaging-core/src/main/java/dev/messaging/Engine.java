package dev.messaging;

import dev.messaging.common.Tenant;
import dev.messaging.error.StoreClosedException;
import dev.messaging.message.NewMessage;
import dev.messaging.spi.Store;
import dev.messaging.spi.StoreTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import dev.messaging.delivery.DeliveryTask;
import dev.messaging.delivery.RetryPolicy;
import dev.messaging.message.DeliveryChannel;
import java.util.List;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * What every service of one {@code Messaging} shares: the store, the injected clock and id
 * generator, and the limits. Times are truncated to milliseconds here, so every store keeps the
 * same precision.
 *
 * <p>Every call to the store passes a gate: {@link #close} shuts it to new calls, waits (up to the
 * configured time) for the calls in flight, then closes the store; a call after that gets a
 * {@link StoreClosedException}, whatever the store. The gate is a read-write lock: calls share its
 * read side (a CAS each), closing takes the write side.
 */
final class Engine {
    /** How a messaging was configured. */
    record Options(Clock clock, IdGenerator ids, int maxTextLength, Translating translation, Duration closeTimeout,
            RetryPolicy retryPolicy, Set<String> stopKeywords, Set<String> startKeywords) {
    }

    private final Store store;
    private final Clock clock;
    private final IdGenerator ids;
    private final int maxTextLength;
    private final Translating translation;
    private final Duration closeTimeout;
    private final Options options;
    private final Outbox outbox;
    private final Signals signals = new Signals();
    private final ThreadLocal<Boolean> outboxWritten = ThreadLocal.withInitial(() -> false);
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private AutoCloseable listening;

    Engine(Store store, Options options) {
        this.store = store;
        this.clock = options.clock();
        this.ids = options.ids();
        this.maxTextLength = options.maxTextLength();
        this.translation = options.translation();
        this.closeTimeout = options.closeTimeout();
        this.options = options;
        this.outbox = new Outbox(this);
    }

    Outbox outbox() {
        return outbox;
    }

    Signals signals() {
        return signals;
    }

    RetryPolicy retryPolicy() {
        return options.retryPolicy();
    }

    Set<String> stopKeywords() {
        return options.stopKeywords();
    }

    Set<String> startKeywords() {
        return options.startKeywords();
    }

    /**
     * Starts listening for other instances' commits (once; the first long poll or subscription
     * asks), so that their writes wake this instance's waiters too.
     */
    synchronized void listen() {
        if (listening == null && !closed) {
            listening = store.listen(signals::committed);
        }
    }

    /** Marks that this thread's write transaction wrote deliveries (workers are woken after its commit). */
    void outboxWritten() {
        outboxWritten.set(true);
    }

    Store store() {
        return store;
    }

    /** Translates a customer's new message into the location's language, if a translator is plugged in. */
    NewMessage translate(Actor actor, NewMessage request) {
        if (translation == null || !actor.isCustomer()) {
            return request;
        }
        String from = request.translation().languageCode() != null ? request.translation().languageCode()
                : read(actor, tx -> tx.findLiveConversation(actor.customerId()))
                        .map(row -> row.conversation().contact())
                        .map(contact -> contact.languageCode()).orElse(null);
        return translation.apply(actor.tenant(), request, from, validator());
    }

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    String newId() {
        return ids.newId();
    }

    int maxTextLength() {
        return maxTextLength;
    }

    Validator validator() {
        return new Validator(maxTextLength);
    }

    /** Checks the id a call targets (a record's id, a conversation of a list): required and well-formed. */
    void requireTargetId(String field, String value) {
        Validator v = validator();
        v.requiredId(field, value);
        v.throwIfAny();
    }

    /**
     * Runs {@code work} in a write transaction of the actor's tenant, again (up to three times in
     * all) when it lost a unique-key race and asked for a {@link Retry}.
     */
    <T> T write(Actor actor, Function<StoreTransaction, T> work) {
        enter();
        try {
            for (int attempt = 1; ; attempt++) {
                outboxWritten.set(false);
                try {
                    T result = store.inTransaction(actor.tenant(), work);
                    signals.committed(actor.tenant(), outboxWritten.get());
                    return result;
                } catch (Retry retry) {
                    if (attempt == 3) {
                        throw new IllegalStateException("lost the same insert race three times", retry);
                    }
                }
            }
        } finally {
            outboxWritten.remove();
            gate.readLock().unlock();
        }
    }

    <T> T read(Actor actor, Function<StoreTransaction, T> work) {
        return read(actor.tenant(), work);
    }

    <T> T read(Tenant tenant, Function<StoreTransaction, T> work) {
        return gated(() -> store.read(tenant, work));
    }

    /** A read of what is stored, past the store's copies in memory (verification). */
    <T> T readFromStorage(Tenant tenant, Function<StoreTransaction, T> work) {
        return gated(() -> store.readFromStorage(tenant, work));
    }

    /** A claim of due deliveries across tenants (the store's atomic claim), through the gate. */
    List<DeliveryTask> claim(DeliveryChannel channel, Instant now, int limit, String claimer, Instant until) {
        return gated(() -> store.claimTasks(channel, now, limit, claimer, until));
    }

    /** {@code call} as a call in flight: refused once closing, waited for by close. */
    private <T> T gated(java.util.function.Supplier<T> call) {
        enter();
        try {
            return call.get();
        } finally {
            gate.readLock().unlock();
        }
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
     * translator's threads and the store. Closing twice does nothing more.
     */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        boolean drained = false;
        try {
            drained = gate.writeLock().tryLock(closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            synchronized (this) {
                if (listening != null) {
                    try {
                        listening.close();
                    } catch (Exception e) {
                        // it stops with the store either way
                    }
                }
            }
            if (translation != null) {
                translation.close();
            }
            store.close();
        } finally {
            if (drained) {
                gate.writeLock().unlock();
            }
        }
    }

    /** Thrown inside a transaction to roll it back and run it again (a lost insert race). */
    static final class Retry extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Retry() {
            super(null, null, false, false);
        }
    }
}
