package dev.messaging.memory;

import dev.messaging.common.Tenant;
import dev.messaging.delivery.Consent;
import dev.messaging.delivery.Delivery;
import dev.messaging.delivery.LocationSettings;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.spi.DuplicateIdException;
import dev.messaging.spi.OutboxStore;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The outbox's rows of one {@link MemoryTransaction}: deliveries (kept in the store's due index
 * as they change), consent and location settings, each write undone with the transaction's.
 */
final class MemoryOutbox implements OutboxStore {
    private final MemoryTransaction tx;
    private final Tenant tenant;
    private final TenantData data;
    private final DueIndex due;

    MemoryOutbox(MemoryTransaction tx, Tenant tenant, TenantData data, DueIndex due) {
        this.tx = tx;
        this.tenant = tenant;
        this.data = data;
        this.due = due;
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
        Map<DeliveryChannel, Consent> copy = new EnumMap<>(DeliveryChannel.class);
        copy.putAll(data.consents.getOrDefault(consent.customerId(), Map.of()));
        copy.put(consent.channel(), consent);
        tx.writeEntry(data.consents, consent.customerId(), copy);
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
