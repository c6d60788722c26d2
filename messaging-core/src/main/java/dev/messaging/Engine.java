package dev.messaging;

import dev.messaging.message.NewMessage;
import dev.messaging.spi.Store;
import dev.messaging.spi.StoreTransaction;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

/**
 * What every service of one {@code Messaging} shares: the store, the injected clock and id
 * generator, and the limits. Times are truncated to milliseconds here, so every store keeps the
 * same precision.
 */
final class Engine {
    private final Store store;
    private final Clock clock;
    private final IdGenerator ids;
    private final int maxTextLength;
    private final Translating translation;

    Engine(Store store, Clock clock, IdGenerator ids, int maxTextLength, Translating translation) {
        this.store = store;
        this.clock = clock;
        this.ids = ids;
        this.maxTextLength = maxTextLength;
        this.translation = translation;
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

    /** Stops the translation threads, if any. */
    void close() {
        if (translation != null) {
            translation.close();
        }
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

    /**
     * Runs {@code work} in a write transaction of the actor's tenant, again (up to three times in
     * all) when it lost a unique-key race and asked for a {@link Retry}.
     */
    <T> T write(Actor actor, Function<StoreTransaction, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.inTransaction(actor.tenant(), work);
            } catch (Retry retry) {
                if (attempt == 3) {
                    throw new IllegalStateException("lost the same insert race three times", retry);
                }
            }
        }
    }

    <T> T read(Actor actor, Function<StoreTransaction, T> work) {
        return store.read(actor.tenant(), work);
    }

    Store store() {
        return store;
    }

    /** Thrown inside a transaction to roll it back and run it again (a lost insert race). */
    static final class Retry extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Retry() {
            super(null, null, false, false);
        }
    }
}
