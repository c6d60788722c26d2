package dev.messaging.spi;

import dev.messaging.common.Tenant;
import dev.messaging.delivery.Delivery;
import dev.messaging.message.DeliveryChannel;
import java.time.Instant;
import java.util.List;
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

    /**
     * As {@link #read}, with every row read from storage itself, past any copy the store keeps in
     * memory: for verification, which must see what is stored even if it was changed behind the
     * store's back. A store that keeps no copies need not override it.
     */
    default <T> T readFromStorage(Tenant tenant, Function<StoreTransaction, T> work) {
        return read(tenant, work);
    }

    /**
     * Claims up to {@code limit} deliveries of {@code channel}, of any tenant, that are waiting and
     * due at {@code now}, in due order: each leased to {@code claimer} until {@code leaseUntil} (its
     * {@code dueAt} moves there, so a lapsed lease makes it due again), its attempts counted one up
     * (a claim is an attempt, whether or not an outcome follows) and its version bumped. Atomic
     * per delivery: of concurrent claimers (threads, or instances on one database) one gets it.
     */
    List<Delivery> claimDeliveries(DeliveryChannel channel, Instant now, int limit, String claimer, Instant leaseUntil);

    /**
     * The waiting deliveries of every tenant, one entry per channel that has any (see
     * {@link WaitingDeliveries}), for the outbox's statistics. Reads a committed state; its cost
     * grows with the waiting deliveries, not with the finished ones.
     */
    List<WaitingDeliveries> waitingDeliveries(Instant now);

    /**
     * The tenants that have a delivery with {@code providerMessageId} (a provider's callback carries
     * no tenant): one as a rule, none before the Sent is recorded. Indexed: it must not scan.
     */
    List<Tenant> tenantsWithProviderId(String providerMessageId);

    /**
     * Keeps {@code report} (of no tenant yet) until a Sent with its provider id is recorded
     * ({@link OutboxStore#takeEarlyReports}); drops those received before {@code expiredBefore} first.
     * Returns false, keeping nothing, when {@code max} are kept already.
     */
    boolean keepEarlyReport(EarlyReport report, int max, Instant expiredBefore);

    /**
     * Tells {@code committedElsewhere} of writes other instances committed to this store's database;
     * the in-process writes are core's to signal. A store that has no other instances does nothing.
     */
    default AutoCloseable listen(CommitListener committedElsewhere) {
        return () -> { };
    }

    /** Releases what the store opened itself (pools, files); a no-op for borrowed resources. */
    @Override
    void close();
}
