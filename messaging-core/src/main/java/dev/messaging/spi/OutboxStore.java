package dev.messaging.spi;

import dev.messaging.delivery.Consent;
import dev.messaging.delivery.ConsentCategory;
import dev.messaging.delivery.Delivery;
import dev.messaging.delivery.LocationSettings;
import dev.messaging.message.DeliveryStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox's store port: its rows (deliveries, customers' consent, the location's delivery
 * settings) inside one tenant's transaction, reached through {@link StoreTransaction#outbox()} so
 * that a message and its deliveries commit together. Claims span tenants and are
 * {@link Store#claimDeliveries}. Each store implements it once; the atomic guarantee it gives is
 * {@link #update}'s compare-and-set, which a concurrent claim can win.
 */
public interface OutboxStore {

    /** Inserts a delivery; one with the same id in the tenant is a {@link DuplicateIdException}. */
    void insert(Delivery task);

    /** The delivery of the tenant with {@code id}, if any. */
    Optional<Delivery> find(String id);

    /** The deliveries of {@code ids} that exist, in any order; a store may read them in one statement. */
    default List<Delivery> find(List<String> ids) {
        return ids.stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /** The delivery the provider knows by {@code providerMessageId} (unique in the tenant), if any. */
    Optional<Delivery> findByProviderId(String providerMessageId);

    /** Every delivery of a message (its sends and the notifications it caused). */
    List<Delivery> ofMessage(String messageId);

    /**
     * Replaces the stored delivery with {@code after} if it is still {@code before} (same version);
     * false if not. As with messages, a store may write only the columns that differ. A provider
     * message id that another delivery of the tenant has is a {@link DuplicateIdException} naming
     * it, and nothing is written (the transaction is then to be rolled back).
     */
    boolean update(Delivery before, Delivery after);

    /** A page of the tenant's deliveries (see {@link DeliveryListSpec}), in (created date, id) order. */
    List<Delivery> list(DeliveryListSpec spec);

    /**
     * Deletes up to {@code limit} of the tenant's deliveries in one of {@code statuses} last updated
     * before {@code updatedBefore}; returns how many. Their messages keep their send history.
     */
    int purge(Set<DeliveryStatus> statuses, Instant updatedBefore, int limit);

    /** Takes (deletes, in this transaction) the early reports kept for {@code providerMessageId}, oldest first. */
    List<EarlyReport> takeEarlyReports(String providerMessageId);

    /**
     * Told before this transaction reads the deliveries it records Sent outcomes of, with the
     * provider ids those outcomes give them: a store that sends statements together may read what
     * their updates and {@link #takeEarlyReports} will need (the early reports, whether another
     * delivery of the tenant has the id) with the deliveries, in the same round trip. By default
     * nothing; a hint only, never a write.
     */
    default void recordingProviderIds(Collection<String> providerMessageIds) {
    }

    /** The customer's consent records, one per channel and category set at most. */
    List<Consent> consentsOf(String customerId);

    /**
     * The consent records of several customers (a claim checks those of its deliveries); by
     * default one {@link #consentsOf(String)} each, which a store may do in one statement.
     */
    default List<Consent> consentsOf(Collection<String> customerIds) {
        List<Consent> all = new ArrayList<>();
        for (String customerId : customerIds) {
            all.addAll(consentsOf(customerId));
        }
        return all;
    }

    /** Creates or replaces the consent of the customer for its channel and category (null: the channel). */
    void saveConsent(Consent consent);

    /** The tenant's consent categories, archived ones too, oldest first. */
    List<ConsentCategory> consentCategories();

    /** Creates or replaces a consent category by its id. */
    void saveConsentCategory(ConsentCategory category);

    /** The location's delivery settings, if ever set. */
    Optional<LocationSettings> locationSettings();

    /** Creates or replaces the location's delivery settings. */
    void saveLocationSettings(LocationSettings settings);
}
