package dev.messaging;

import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Actor;
import dev.messaging.common.ChangeMeta;
import dev.messaging.common.Deletion;
import dev.messaging.common.Page;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationBuilder;
import dev.messaging.conversation.ConversationChannel;
import dev.messaging.conversation.ConversationHit;
import dev.messaging.conversation.ConversationQuery;
import dev.messaging.conversation.ConversationStatus;
import dev.messaging.conversation.ConversationUpdate;
import dev.messaging.conversation.GuestConversation;
import dev.messaging.conversation.NewConversation;
import dev.messaging.conversation.SearchSort;
import dev.messaging.error.ConflictException;
import dev.messaging.error.ForbiddenException;
import dev.messaging.error.NotFoundException;
import dev.messaging.error.ValidationException;
import dev.messaging.kernel.Access;
import dev.messaging.kernel.Changes;
import dev.messaging.kernel.Cursors;
import dev.messaging.kernel.Engine;
import dev.messaging.kernel.JsonValues;
import dev.messaging.kernel.Validator;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.InboxRow;
import dev.messaging.spi.PagePosition;
import dev.messaging.spi.SearchSpec;
import dev.messaging.spi.StoreTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Conversations of the actor's location: create, getOrCreate, find, search, update, delete,
 * restore, and erase (a customer's right to be forgotten). At most one live conversation exists
 * per customer. Users may do everything; a customer may only read its own conversation; the
 * system may read.
 */
public final class Conversations {
    private static final String ENTITY = "conversation";
    /** How far ahead a conversation may be snoozed. */
    static final Duration MAX_SNOOZE = Duration.ofDays(3_653);
    private final Engine engine;
    private final MessageWrites writes;

    Conversations(Engine engine, MessageWrites writes) {
        this.engine = engine;
        this.writes = writes;
    }

    /** Creates a conversation; a customer with a live one already is a conflict naming it. */
    public Conversation create(Actor actor, NewConversation request) {
        return open(actor, request, true);
    }

    /** Returns the customer's live conversation, creating it if there is none; race-free. */
    public Conversation getOrCreate(Actor actor, NewConversation request) {
        return open(actor, request, false);
    }

    private Conversation open(Actor actor, NewConversation request, boolean createOnly) {
        Access.requireUser(actor, "create conversations");
        Validator v = engine.validator();
        ConversationRows.validate(v, "", request);
        v.throwIfAny();
        return engine.write(actor, tx -> ConversationRows.getOrCreate(engine, tx, actor, request, createOnly))
                .row().conversation();
    }

    /**
     * Starts a conversation with its first message, in one transaction (both or neither): the
     * customer's live conversation, or a new one with the request's outlet (the first active one if
     * none is given), type and order, plus the message in it (hotel API "create conversation"). A
     * user or the customer itself may start it.
     */
    public GuestConversation start(Actor actor, NewConversation conversation, NewMessage firstMessage) {
        if (actor.isSystem()) {
            throw new ForbiddenException("the system may not start conversations");
        }
        Validator v = engine.validator();
        ConversationRows.validate(v, "", conversation);
        v.throwIfAny();
        NewMessage message = firstMessage == null ? null : firstMessage.toBuilder()
                .customerId(conversation.customerId()).conversationId(null)
                .languageCode(firstMessage.translation().languageCode() != null || conversation.contact() == null
                        ? firstMessage.translation().languageCode() : conversation.contact().languageCode())
                .build();
        MessageWrites.validate(engine, actor, message);
        NewMessage translated = writes.translate(actor, message);
        try {
            record Started(Conversation conversation, MessageWrites.Created first) {
            }
            Started started = engine.write(actor, tx -> {
                Conversation c = ConversationRows.getOrCreate(engine, tx, actor, conversation, false).row()
                        .conversation();
                MessageWrites.Created first = writes.insert(tx, actor, translated);
                return new Started(tx.findConversation(c.id()).orElseThrow().conversation(), first);
            });
            writes.committed(started.first());
            return new GuestConversation(started.conversation(), started.first().message());
        } catch (MessageWrites.Replay replay) {
            Message first = replay.first();
            return new GuestConversation(find(actor, first.conversationId()).orElseThrow(), first);
        }
    }

    /** Where {@code c} stands in a search sorted by {@code sort} (no message yet: its creation). */
    private static PagePosition searchPosition(Conversation c, SearchSort sort) {
        return new PagePosition(sort.dateOf(c), c.id());
    }

    /** The conversation, deleted or not; empty when the tenant has no such id. */
    public Optional<Conversation> find(Actor actor, String id) {
        engine.requireTargetId("id", id);
        Optional<Conversation> found = engine.read(actor, tx -> tx.findConversation(id))
                .map(ConversationRow::conversation);
        found.ifPresent(c -> Access.requireOwnConversation(actor, c.customerId()));
        return found;
    }

    /** The LeadConnector conversation search, for the acting user (see {@link ConversationQuery}). */
    public Page<ConversationHit> search(Actor actor, ConversationQuery query) {
        Access.requireUser(actor, "search conversations");
        Validator v = engine.validator();
        v.required("query", query);
        v.throwIfAny();
        v.id("contactId", query.contactId());
        v.id("assignee", query.assignee() == null ? null : query.assignee().userId());
        v.atMost("assignees", List.copyOf(query.filters().assignees()), 100, "users");
        query.filters().assignees().forEach(user -> v.id("assignees", user));
        if (query.filters().from() != null && query.filters().until() != null
                && !query.filters().from().isBefore(query.filters().until())) {
            v.add("until", "must be after from");
        }
        List<String> terms = v.searchTerms("query", query.query());
        v.required("status", query.status());
        v.required("sort", query.sort());
        int limit = v.limit("limit", query.limit(), 50);
        String filters = query.filterKey() + "|" + actor.userId();
        PagePosition after = Cursors.decode(v, "after", query.after(), filters);
        v.throwIfAny();
        return engine.read(actor, tx -> {
            long allRead = tx.allReadSeq(actor.userId());
            SearchSpec spec = new SearchSpec(actor.userId(), allRead, query.contactId(), query.assignee(),
                    query.status(), query.lastMessageDirection(), terms, query.sort(), query.descending(), after,
                    query.withDeleted(), limit + 1, query.filters());
            List<InboxRow> rows = tx.searchConversations(spec);
            boolean hasMore = rows.size() > limit;
            List<InboxRow> page = hasMore ? rows.subList(0, limit) : rows;
            List<ConversationHit> hits = page.stream().map(row -> new ConversationHit(row.conversation().conversation(),
                    ThreadViews.view(tx, row.conversation(), row.thread(), actor.userId(), allRead, row.facts())))
                    .toList();
            Long total = query.countTotal() ? tx.countConversations(spec) : null;
            return Cursors.page(hits, hasMore, false, hit -> searchPosition(hit.conversation(), query.sort()), filters,
                    total);
        });
    }

    /** Applies a partial update; with an expected version, a stale one is a conflict. */
    public Conversation update(Actor actor, String id, ConversationUpdate update) {
        Access.requireUser(actor, "update conversations");
        Validator v = engine.validator();
        v.requiredId("id", id);
        v.required("update", update);
        v.throwIfAny();
        ConversationRows.validateContact(v, "contact", update.value(ConversationUpdate.Field.CONTACT, Contact.class));
        v.id("assignedTo", update.value(ConversationUpdate.Field.ASSIGNED_TO, String.class));
        v.shortText("subject", update.value(ConversationUpdate.Field.SUBJECT, String.class));
        v.id("orderId", update.value(ConversationUpdate.Field.ORDER_ID, String.class));
        v.metadata("metadata", castMap(update.value(ConversationUpdate.Field.METADATA, Map.class)));
        ConversationRows.validateUsers(v, "followers", update.value(ConversationUpdate.Field.FOLLOWERS, Set.class));
        v.dateUpTo("snoozedUntil", update.value(ConversationUpdate.Field.SNOOZED_UNTIL, Instant.class),
                engine.now().plus(MAX_SNOOZE));
        if (update.sets(ConversationUpdate.Field.STATUS) && update.value(ConversationUpdate.Field.STATUS,
                ConversationStatus.class) == null) {
            v.add("status", "is required");
        }
        if (update.sets(ConversationUpdate.Field.ARCHIVED) && update.value(ConversationUpdate.Field.ARCHIVED,
                Boolean.class) == null) {
            v.add("archived", "is required");
        }
        v.throwIfAny();
        Instant now = engine.now();
        return engine.write(actor, tx -> {
            ConversationRow row = load(tx, id);
            Conversation c = row.conversation();
            checkVersion(c, update.expectedVersion().orElse(null));
            ConversationBuilder b = c.toBuilder();
            update.values().forEach((field, value) -> set(b, field, value.orElse(null)));
            Conversation changed = b.build();
            if (changed.status() != ConversationStatus.SNOOZED) {
                changed = changed.toBuilder().snoozedUntil(null).build();
            } else if (changed.snoozedUntil() == null) {
                throw ValidationException.of("snoozedUntil", "is required when status is snoozed");
            }
            if (changed.equals(c)) {
                return c;
            }
            return save(tx, actor, now, row, bump(changed, actor, now), Operation.UPDATE);
        });
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static void set(ConversationBuilder b, ConversationUpdate.Field field, Object value) {
        switch (field) {
            case CONTACT -> b.contact((Contact) value);
            case ASSIGNED_TO -> b.assignedTo((String) value);
            case CHANNEL -> b.channel((ConversationChannel) value);
            case STATUS -> b.status((ConversationStatus) value);
            case SNOOZED_UNTIL -> b.snoozedUntil((Instant) value);
            case SUBJECT -> b.subject((String) value);
            case ORDER_ID -> b.orderId((String) value);
            case ARCHIVED -> b.archived((Boolean) value);
            case METADATA -> b.metadata(JsonValues.copy(castMap(value)));
            case FOLLOWERS -> b.followers(castSet(value));
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> castSet(Object value) {
        return (Set<String>) value;
    }

    /** Soft-deletes the conversation: it leaves every inbox and list; its messages stay. */
    public Conversation delete(Actor actor, String id, String reason) {
        Access.requireUser(actor, "delete conversations");
        Validator v = engine.validator();
        v.requiredId("id", id);
        v.shortText("deletedReason", reason);
        v.throwIfAny();
        Instant now = engine.now();
        return engine.write(actor, tx -> {
            ConversationRow row = load(tx, id);
            if (row.conversation().deleted()) {
                return row.conversation();
            }
            Conversation deleted = row.conversation().toBuilder()
                    .deletion(new Deletion(actor.userId(), now, reason)).build();
            return save(tx, actor, now, row, bump(deleted, actor, now), Operation.DELETE);
        });
    }

    /** Restores a deleted conversation; a conflict naming the live one if the customer has one. */
    public Conversation restore(Actor actor, String id) {
        Access.requireUser(actor, "restore conversations");
        engine.requireTargetId("id", id);
        Instant now = engine.now();
        return engine.write(actor, tx -> {
            ConversationRow row = load(tx, id);
            Conversation c = row.conversation();
            if (!c.deleted()) {
                return c;
            }
            Optional<ConversationRow> live = tx.findLiveConversation(c.customerId());
            if (live.isPresent()) {
                throw ConflictException.of(ConflictException.Reason.LIVE_CONVERSATION_EXISTS, ENTITY, live.get().id(),
                        "the customer has another live conversation");
            }
            return save(tx, actor, now, row, bump(c.toBuilder().deletion(null).build(), actor, now), Operation.RESTORE);
        });
    }

    /**
     * Physically removes the customer's conversations, messages and thread state and empties the
     * payloads of their change-feed entries; records that an erasure happened, without content.
     * Returns how many messages were removed.
     */
    public int erase(Actor actor, String customerId) {
        Access.requireUser(actor, "erase customers");
        Validator v = engine.validator();
        v.requiredId("customerId", customerId);
        v.throwIfAny();
        Instant now = engine.now();
        return engine.write(actor, tx -> {
            int erased = tx.eraseCustomer(customerId);
            Changes.record(tx, actor, now, EntityType.CUSTOMER, customerId, 0, Operation.ERASE, null,
                    Changes.payload("messagesErased", String.valueOf(erased)));
            return erased;
        });
    }

    private static ConversationRow load(StoreTransaction tx, String id) {
        return tx.findConversation(id).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    private static void checkVersion(Conversation c, Long expected) {
        if (expected != null && expected != c.version()) {
            throw ConflictException.staleVersion(ENTITY, c.id(), expected, c.version());
        }
    }

    private static Conversation bump(Conversation c, Actor actor, Instant now) {
        ChangeMeta meta = c.meta().next(actor.userId(), actor.sessionId());
        return c.toBuilder().meta(meta).updatedDate(now).build();
    }

    private static Conversation save(StoreTransaction tx, Actor actor, Instant now, ConversationRow row,
            Conversation changed, Operation operation) {
        long expected = row.conversation().version();
        Changes.record(tx, actor, now, EntityType.CONVERSATION, changed.id(), changed.version(), operation,
                changed.customerId(), Changes.payload("status", changed.status().wireValue(),
                        "assignedTo", changed.assignedTo()));
        if (!tx.updateConversation(row.with(changed), expected)) {
            Conversation current = tx.findConversation(row.id()).orElseThrow().conversation();
            throw ConflictException.staleVersion(ENTITY, row.id(), expected, current.version());
        }
        return changed;
    }
}
