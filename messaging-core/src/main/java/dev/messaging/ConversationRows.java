package dev.messaging;

import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Actor;
import dev.messaging.common.ChangeMeta;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationBuilder;
import dev.messaging.conversation.ConversationStatus;
import dev.messaging.conversation.MessageAction;
import dev.messaging.conversation.NewConversation;
import dev.messaging.error.ConflictException;
import dev.messaging.error.ValidationException;
import dev.messaging.kernel.Changes;
import dev.messaging.kernel.Engine;
import dev.messaging.kernel.JsonValues;
import dev.messaging.kernel.Validator;
import dev.messaging.message.Message;
import dev.messaging.outlet.Outlet;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.CustomerMessageCounters;
import dev.messaging.spi.DuplicateIdException;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.PagePosition;
import dev.messaging.spi.StoreTransaction;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The conversation writes that more than one service makes: validating a new conversation,
 * get-or-create on the one-live-conversation-per-customer key, refreshing the last-message
 * summary, and saving derived state without bumping the version.
 */
final class ConversationRows {
    private ConversationRows() {
    }

    /** A created or found conversation, and whether this call created it. */
    record Outcome(ConversationRow row, boolean created) {
    }

    static void validate(Validator v, String prefix, NewConversation request) {
        if (request == null) {
            v.add(prefix.isEmpty() ? "request" : prefix, "is required");
            return;
        }
        request.problems().forEach(problem -> v.add(prefix + problem.field(), problem.problem()));
        v.requiredId(prefix + "customerId", request.customerId());
        validateContact(v, prefix + "contact", request.contact());
        v.id(prefix + "assignedTo", request.assignedTo());
        v.shortText(prefix + "subject", request.subject());
        v.id(prefix + "orderId", request.orderId());
        v.id(prefix + "outletCode", request.outletCode());
        v.id(prefix + "orderCode", request.orderCode());
        v.metadata(prefix + "metadata", request.metadata());
    }

    static void validateContact(Validator v, String field, Contact contact) {
        if (contact == null) {
            return;
        }
        v.shortText(field + ".customerType", contact.customerType());
        v.shortText(field + ".firstName", contact.firstName());
        v.shortText(field + ".lastName", contact.lastName());
        v.shortText(field + ".companyName", contact.companyName());
        v.shortText(field + ".email", contact.email());
        v.shortText(field + ".phone", contact.phone());
        v.shortText(field + ".languageCode", contact.languageCode());
    }

    /**
     * Returns the customer's live conversation, or creates it (and its change) when
     * {@code createOnly} allows; with {@code createOnly} an existing one is a conflict.
     */
    static Outcome getOrCreate(Engine engine, StoreTransaction tx, Actor actor, NewConversation request,
            boolean createOnly) {
        Optional<ConversationRow> live = tx.findLiveConversation(request.customerId());
        if (live.isPresent()) {
            if (createOnly) {
                throw ConflictException.of(ConflictException.Reason.LIVE_CONVERSATION_EXISTS, "conversation", live.get().id(),
                        "the customer has a live conversation already");
            }
            return new Outcome(live.get(), false);
        }
        String outletCode = outletFor(tx, request.outletCode());
        Instant now = engine.now();
        String actorUserId = actor.isUser() ? actor.userId() : null;
        Conversation conversation = Conversation.builder()
                .id(engine.newId())
                .createdDate(now)
                .companyId(actor.tenant().companyId())
                .locationId(actor.tenant().locationId())
                .meta(ChangeMeta.first(actorUserId, actor.sessionId()))
                .customerId(request.customerId())
                .contact(request.contact())
                .assignedTo(request.assignedTo())
                .channel(request.channel())
                .status(ConversationStatus.OPEN)
                .subject(request.subject())
                .orderId(request.orderId())
                .outletCode(outletCode)
                .conversationType(request.conversationType())
                .orderCode(request.orderCode())
                .metadata(JsonValues.copy(request.metadata()))
                .build();
        ConversationRow row = new ConversationRow(conversation, CustomerMessageCounters.NONE);
        Changes.record(tx, actor, now, EntityType.CONVERSATION, conversation.id(), 1, Operation.CREATE,
                conversation.customerId(), Changes.payload("customerId", conversation.customerId()));
        Optional<ConversationRow> raced = insert(tx, row);
        if (raced.isPresent()) {
            // Another writer won the unique key between our read and insert: theirs is the one.
            if (createOnly) {
                throw ConflictException.of(ConflictException.Reason.LIVE_CONVERSATION_EXISTS, "conversation", raced.get().id(),
                        "the customer has a live conversation already");
            }
            throw new Engine.Retry();
        }
        return new Outcome(row, true);
    }

    private static Optional<ConversationRow> insert(StoreTransaction tx, ConversationRow row) {
        try {
            return tx.insertConversation(row);
        } catch (DuplicateIdException e) {
            throw e.asConflict("conversation");
        }
    }

    /** The conflict of a new record whose generated id is taken (an id generator that repeats). */
    /**
     * The outlet of a new conversation: the one asked for, which must be an active outlet of the
     * location; else the first active outlet by order (the hotel API's rule); null when the location
     * has none.
     */
    private static String outletFor(StoreTransaction tx, String requested) {
        List<Outlet> outlets = tx.outlets().stream().filter(Outlet::active)
                .sorted(Comparator.comparingInt(Outlet::order).thenComparing(Outlet::code)).toList();
        if (requested == null) {
            return outlets.isEmpty() ? null : outlets.get(0).code();
        }
        if (outlets.stream().noneMatch(o -> o.code().equals(requested))) {
            throw ValidationException.of("outletCode", "no active outlet '" + requested + "' at this location");
        }
        return requested;
    }

    /** Saves derived state (summary, counters, wake-ups) of a row read in this transaction. */
    static void saveDerived(StoreTransaction tx, ConversationRow row) {
        if (!tx.updateConversation(row, row.conversation().version())) {
            throw new IllegalStateException("conversation " + row.id() + " changed inside a serialized transaction");
        }
    }

    /** Whether {@code message} is newer than the conversation's current last message. */
    static boolean isNewerThanSummary(Conversation c, Message message) {
        if (c.lastMessageDate() == null) {
            return true;
        }
        PagePosition current = new PagePosition(c.lastMessageDate(), c.lastMessageId());
        PagePosition candidate = new PagePosition(message.createdDate(), message.id());
        int byDate = candidate.date().compareTo(current.date());
        return byDate > 0 || byDate == 0 && candidate.id().compareTo(current.id()) > 0;
    }

    /** The conversation with its summary set to {@code message}, or cleared when null. */
    static Conversation withSummary(Conversation c, Message message) {
        ConversationBuilder b = c.toBuilder();
        if (message == null) {
            return b.lastMessageDate(null).lastMessageBody(null).lastMessageType(null).lastMessageId(null)
                    .lastMessageDirection(null).build();
        }
        return b.lastMessageDate(message.createdDate()).lastMessageBody(message.text())
                .lastMessageType(message.channel()).lastMessageId(message.id())
                .lastMessageDirection(message.direction()).build();
    }

    /** How many users a conversation's followers, or a note's mentions, may name. */
    static final int MAX_USERS = 100;

    /** A set of user ids: each an id, at most {@value #MAX_USERS}. */
    static void validateUsers(Validator v, String field, Collection<?> userIds) {
        if (userIds == null) {
            return;
        }
        if (userIds.size() > MAX_USERS) {
            v.add(field, "names at most " + MAX_USERS + " users, was " + userIds.size());
        }
        for (Object userId : userIds) {
            if (!(userId instanceof String id)) {
                v.add(field, "holds user ids, was " + userId);
            } else {
                v.id(field, id);
            }
        }
    }

    /**
     * The conversation after a new live message: an internal note's mentions join its mentions;
     * an outbound message to the customer sets the last message's action ({@link MessageAction#of})
     * and, when manual, the last manual message date.
     */
    static Conversation afterNewMessage(Conversation c, Message m) {
        ConversationBuilder b = c.toBuilder();
        boolean changed = false;
        if (!m.mentions().isEmpty() && !c.mentions().containsAll(m.mentions())) {
            Set<String> mentions = new TreeSet<>(c.mentions());
            mentions.addAll(m.mentions());
            b.mentions(mentions);
            changed = true;
        }
        MessageAction action = MessageAction.of(m);
        if (action != null) {
            b.lastMessageAction(action);
            if (action == MessageAction.MANUAL) {
                b.lastManualMessageDate(m.createdDate());
            }
            changed = true;
        }
        return changed ? b.build() : c;
    }

    /** Recomputes the summary from the newest live message (after a delete or restore). */
    static Conversation refreshSummary(StoreTransaction tx, Conversation c) {
        return withSummary(c, tx.newestLiveMessage(c.id()).map(MessageRow::message).orElse(null));
    }
}
