package dev.messaging.spi;

import dev.messaging.common.Tenant;
import java.util.function.Function;

/**
 * Where the rules keep their rows. A store stores, queries, and gives the guarantees only storage
 * can give under concurrent writers; it decides no rule. Everything it must guarantee is in the
 * Javadoc of this interface and {@link StoreTransaction}, and the contract suite checks it.
 *
 * <p>Guarantees: {@link #inTransaction} is all-or-nothing, and the write transactions of one
 * tenant are serialized (each sees every write committed before it began), so that the change
 * feed is gap-free and in commit order; {@link #read} sees a committed state and never blocks
 * behind a writer for longer than the store's own locking requires.
 */
public interface Store extends AutoCloseable {

    /** Runs {@code work} in one write transaction of {@code tenant}; rolls back if it throws. */
    <T> T inTransaction(Tenant tenant, Function<StoreTransaction, T> work);

    /** Runs {@code work} against a committed state of {@code tenant}; writes are not allowed. */
    <T> T read(Tenant tenant, Function<StoreTransaction, T> work);

    /** Releases what the store opened itself (pools, files); a no-op for borrowed resources. */
    @Override
    void close();
}
