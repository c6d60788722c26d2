package dev.messaging.outbox;

import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Actor;
import dev.messaging.delivery.Consent;
import dev.messaging.delivery.ConsentCategory;
import dev.messaging.delivery.ConsentCategoryUpdate;
import dev.messaging.error.NotFoundException;
import dev.messaging.error.ValidationException;
import dev.messaging.kernel.Access;
import dev.messaging.kernel.Changes;
import dev.messaging.kernel.Engine;
import dev.messaging.kernel.Validator;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.spi.StoreTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Customers' consent per channel (SMS, email), and per consent category on a channel (marketing
 * apart from transactional, say: LeadConnector's custom subtypes). A customer is subscribed to a
 * channel, and to each category on it, until unsubscribed: by the service ({@link #set}), by texting
 * a stop keyword (the whole channel), a provider's opt-out or a complaint. A send to an unsubscribed
 * channel, or of a message of a category the customer unsubscribed from on it, is never sent: it
 * ends as OptOut when the message is created, or when it is claimed if the consent changed since.
 */
public final class Consents {
    /** The most consent categories a location may have. */
    public static final int MAX_CATEGORIES = 100;

    private final Engine engine;

    /** The Consents of {@code engine}'s store; built by {@code Messaging}. */
    @SuppressWarnings("exports") // built by Messaging: users cannot obtain the kernel it takes
    public Consents(Engine engine) {
        this.engine = engine;
    }

    /**
     * The customer's consent of each channel (SMS and email), subscribed where never set, then each
     * consent they have of a category on a channel.
     */
    public List<Consent> of(Actor actor, String customerId) {
        Access.requireUserOrSystem(actor, "read consent");
        engine.requireTargetId("customerId", customerId);
        List<Consent> stored = engine.read(actor, tx -> tx.outbox().consentsOf(customerId));
        Map<DeliveryChannel, Consent> set = stored.stream().filter(c -> c.categoryId() == null)
                .collect(Collectors.toMap(Consent::channel, c -> c));
        List<Consent> all = new ArrayList<>();
        for (DeliveryChannel channel : List.of(DeliveryChannel.SMS, DeliveryChannel.EMAIL)) {
            all.add(set.getOrDefault(channel, new Consent(customerId, channel, true, null, null, null)));
        }
        stored.stream().filter(c -> c.categoryId() != null)
                .sorted(Comparator.comparing(Consent::categoryId).thenComparing(Consent::channel)).forEach(all::add);
        return all;
    }

    /** Subscribes or unsubscribes the customer from a channel, dated now, with its source and reason. */
    public Consent set(Actor actor, String customerId, DeliveryChannel channel, boolean subscribed, String source,
            String reason) {
        return set(actor, customerId, channel, null, subscribed, source, reason);
    }

    /**
     * Subscribes or unsubscribes the customer from a consent category on a channel ({@code categoryId}
     * null: the channel as a whole), dated now. A category of the location (archived ones too) of
     * that channel or of every channel; else a validation error naming the field.
     */
    public Consent set(Actor actor, String customerId, DeliveryChannel channel, String categoryId, boolean subscribed,
            String source, String reason) {
        Access.requireUserOrSystem(actor, "set consent");
        Validator v = engine.validator();
        v.requiredId("customerId", customerId);
        v.required("channel", channel);
        if (channel != null && !channel.reachesCustomers()) {
            v.add("channel", "consent is of a channel that reaches customers (SMS, email...), not " + channel);
        }
        v.id("categoryId", categoryId);
        v.shortText("source", source);
        v.shortText("reason", reason);
        v.throwIfAny();
        Instant now = engine.now();
        Consent consent = new Consent(customerId, channel, categoryId, subscribed, now, source, reason);
        return engine.write(actor, tx -> {
            if (categoryId != null) {
                ConsentCategory category = category(tx, categoryId);
                if (category.channel() != null && category.channel() != channel) {
                    throw ValidationException.of("categoryId", "is a category of "
                            + ConsentCategories.name(category.channel()) + " only");
                }
            }
            Outbox.saveConsent(tx, actor, consent);
            return consent;
        });
    }

    /** The location's consent categories, archived ones too, oldest first. */
    public List<ConsentCategory> categories(Actor actor) {
        Access.requireUserOrSystem(actor, "read consent categories");
        return engine.read(actor, tx -> tx.outbox().consentCategories());
    }

    /**
     * Creates a consent category of {@code channel} (null: of every channel) named {@code name},
     * unique among the location's categories; at most {@value #MAX_CATEGORIES} a location.
     */
    public ConsentCategory createCategory(Actor actor, String name, String description, DeliveryChannel channel,
            String languageCode) {
        Access.requireUserOrSystem(actor, "create consent categories");
        Validator v = engine.validator();
        v.requiredText("name", name);
        v.shortText("name", name);
        v.text("description", description);
        v.shortText("languageCode", languageCode);
        if (channel != null && !channel.reachesCustomers()) {
            v.add("channel", "a consent category is of a channel that reaches customers (SMS, email...) or of every"
                    + " channel, not " + channel);
        }
        v.throwIfAny();
        Instant now = engine.now();
        ConsentCategory created = new ConsentCategory(engine.newId(), name.strip(), description, channel, languageCode,
                false, null, now, now);
        return engine.write(actor, tx -> {
            List<ConsentCategory> all = tx.outbox().consentCategories();
            if (all.size() >= MAX_CATEGORIES) {
                throw ValidationException.of("name", "the location has " + MAX_CATEGORIES + " consent categories already");
            }
            requireUniqueName(all, created);
            save(tx, actor, created, Operation.CREATE, now);
            return created;
        });
    }

    /**
     * Changes a consent category: each non-null field of {@code update} replaces its value (an
     * archived category takes no new messages; consents set in it stay).
     */
    public ConsentCategory updateCategory(Actor actor, String id, ConsentCategoryUpdate update) {
        Access.requireUserOrSystem(actor, "update consent categories");
        Validator v = engine.validator();
        v.requiredId("id", id);
        v.required("update", update);
        v.throwIfAny();
        if (update.name() != null) {
            v.requiredText("name", update.name());
            v.shortText("name", update.name());
        }
        v.text("description", update.description());
        v.id("resubscriptionLegalFormId", update.resubscriptionLegalFormId());
        v.throwIfAny();
        Instant now = engine.now();
        return engine.write(actor, tx -> {
            ConsentCategory old = category(tx, id);
            ConsentCategory changed = new ConsentCategory(id, update.name() != null ? update.name().strip() : old.name(),
                    update.description() != null ? update.description() : old.description(), old.channel(),
                    old.languageCode(), update.archived() != null ? update.archived() : old.archived(),
                    update.resubscriptionLegalFormId() != null ? update.resubscriptionLegalFormId()
                            : old.resubscriptionLegalFormId(), old.createdDate(), now);
            requireUniqueName(tx.outbox().consentCategories(), changed);
            save(tx, actor, changed, Operation.UPDATE, now);
            return changed;
        });
    }

    private static ConsentCategory category(StoreTransaction tx, String id) {
        return tx.outbox().consentCategories().stream().filter(c -> c.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("consent category", id));
    }

    private static void requireUniqueName(List<ConsentCategory> all, ConsentCategory category) {
        for (ConsentCategory other : all) {
            if (!other.id().equals(category.id()) && other.name().equalsIgnoreCase(category.name())) {
                throw ValidationException.of("name", "the location has a consent category named " + other.name());
            }
        }
    }

    private static void save(StoreTransaction tx, Actor actor, ConsentCategory category, Operation operation,
            Instant now) {
        tx.outbox().saveConsentCategory(category);
        Changes.record(tx, actor, now, EntityType.CONSENT_CATEGORY, category.id(), 0, operation, null,
                Changes.payload("name", category.name(), "archived", String.valueOf(category.archived())));
    }
}
