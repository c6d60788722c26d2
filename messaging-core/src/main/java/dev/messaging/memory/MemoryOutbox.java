package dev.messaging.memory;

import dev.messaging.common.Tenant;
import dev.messaging.delivery.Consent;
import dev.messaging.delivery.ConsentCategory;
import dev.messaging.delivery.Delivery;
import dev.messaging.delivery.DeliveryBuilder;
import dev.messaging.delivery.LocationSettings;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.spi.DeliveryListSpec;
import dev.messaging.spi.DuplicateIdException;
import dev.messaging.spi.EarlyReport;
import dev.messaging.spi.OutboxStore;
import dev.messaging.spi.PagePosition;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The outbox's rows of one {@link MemoryTransaction}: deliveries (kept in the store's due index
 * as they change), consent and location settings, each write undone with the transaction's.
 */
final class MemoryOutbox implements OutboxStore {
    private final MemoryTransaction tx;
    private final Tenant tenant;
    private final TenantData data;
    private final DueIndex due;
    private final EarlyReports early;

    MemoryOutbox(MemoryTransaction tx, Tenant tenant, TenantData data, DueIndex due, EarlyReports early) {
        this.tx = tx;
        this.tenant = tenant;
        this.data = data;
        this.due = due;
        this.early = early;
    }

    @Override
    public List<EarlyReport> takeEarlyReports(String providerMessageId) {
        tx.checkWritable();
        List<EarlyReport> taken = early.take(providerMessageId);
        if (!taken.isEmpty()) {
            tx.onRollback(() -> early.putBack(taken));
        }
        return taken;
    }

    void write(String id, Delivery task) {
        tx.checkWritable();
        Delivery old = data.putTask(id, task);
        due.replace(tenant, old, task);
        tx.onRollback(() -> {
            data.putTask(id, old);
            due.replace(tenant, task, old);
        });
    }

    @Override
    public void insert(Delivery task) {
        if (data.tasks.containsKey(task.id())) {
            throw new DuplicateIdException(task.id());
        }
        write(task.id(), task);
    }

    @Override
    public Optional<Delivery> find(String id) {
        tx.touch(1);
        return Optional.ofNullable(data.tasks.get(id));
    }

    /** The order of a tenant's deliveries in lists: created date, then id. */
    private static final Comparator<Delivery> LISTED = Comparator.comparing(Delivery::createdDate)
            .thenComparing(Delivery::id);

    @Override
    public List<Delivery> list(DeliveryListSpec spec) {
        tx.touch(data.tasks.size());
        return data.tasks.values().stream()
                .filter(d -> spec.status() == null || d.status() == spec.status())
                .filter(d -> spec.channel() == null || d.channel() == spec.channel())
                .filter(d -> spec.createdBefore() == null || d.createdDate().isBefore(spec.createdBefore()))
                .filter(d -> spec.after() == null || LISTED.compare(d, position(spec.after())) > 0)
                .sorted(LISTED).limit(spec.limit()).toList();
    }

    /** A stand-in delivery at {@code position}, to compare with in {@link #LISTED} order. */
    private static Delivery position(PagePosition position) {
        return DeliveryBuilder.builder().id(position.id()).createdDate(position.date()).build();
    }

    @Override
    public int purge(Set<DeliveryStatus> statuses, Instant updatedBefore, int limit) {
        List<Delivery> old = data.tasks.values().stream().filter(d -> statuses.contains(d.status()))
                .filter(d -> (d.updatedDate() != null ? d.updatedDate() : d.createdDate()).isBefore(updatedBefore))
                .limit(limit).toList();
        old.forEach(d -> write(d.id(), null));
        return old.size();
    }

    @Override
    public Optional<Delivery> findByProviderId(String providerMessageId) {
        String id = data.taskByProviderId.get(providerMessageId);
        return id == null ? Optional.empty() : find(id);
    }

    @Override
    public List<Delivery> ofMessage(String messageId) {
        Set<String> ids = data.tasksByMessage.getOrDefault(messageId, Set.of());
        tx.touch(ids.size());
        return ids.stream().map(data.tasks::get).toList();
    }

    @Override
    public boolean update(Delivery before, Delivery task) {
        Delivery current = data.tasks.get(task.id());
        if (current == null || current.version() != before.version()) {
            return false;
        }
        String provider = task.providerMessageId();
        if (provider != null && !provider.equals(current.providerMessageId())
                && data.taskByProviderId.containsKey(provider)) {
            throw new DuplicateIdException(provider);
        }
        write(task.id(), task);
        return true;
    }

    @Override
    public List<Consent> consentsOf(String customerId) {
        return List.copyOf(data.consents.getOrDefault(customerId, Map.of()).values());
    }

    @Override
    public void saveConsent(Consent consent) {
        Map<String, Consent> copy = new TreeMap<>(data.consents.getOrDefault(consent.customerId(), Map.of()));
        copy.put(consent.channel() + (consent.categoryId() == null ? "" : "/" + consent.categoryId()), consent);
        tx.writeEntry(data.consents, consent.customerId(), copy);
    }

    @Override
    public List<ConsentCategory> consentCategories() {
        return List.copyOf(data.consentCategories.values());
    }

    @Override
    public void saveConsentCategory(ConsentCategory category) {
        tx.writeEntry(data.consentCategories, category.id(), category);
    }

    @Override
    public Optional<LocationSettings> locationSettings() {
        return Optional.ofNullable(data.settings);
    }

    @Override
    public void saveLocationSettings(LocationSettings settings) {
        tx.checkWritable();
        LocationSettings old = data.settings;
        data.settings = settings;
        tx.onRollback(() -> data.settings = old);
    }
}
