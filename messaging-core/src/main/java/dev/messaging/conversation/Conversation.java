package dev.messaging.conversation;

import dev.messaging.common.ChangeMeta;
import dev.messaging.common.Deletion;
import dev.messaging.common.SoftDeletable;
import dev.messaging.message.Direction;
import dev.messaging.message.MessageChannel;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A conversation with one customer at one location. At most one live (non-deleted) conversation
 * exists per customer. It keeps a summary of its newest live message ({@code lastMessage*}),
 * which a new message refreshes without bumping {@code meta.version} (derived state, not an
 * edit). {@code archived} is the shop-wide archive; each user's own is on their thread.
 * {@code metadata} is the service's own JSON object (Shopmonkey {@code metadata}), kept as given.
 * {@code lastMessageAction} and {@code lastManualMessageDate} say who wrote its latest outbound
 * message (a person or automation) and when a person last did; they move forward with new messages
 * only (deleting a message does not move them back). {@code followers} are the users following it
 * (set by an update); {@code mentions} the users its internal notes named, kept in name order.
 */
@RecordBuilder
public record Conversation(
        String id,
        Instant createdDate,
        Instant updatedDate,
        String companyId,
        String locationId,
        ChangeMeta meta,
        String customerId,
        Contact contact,
        String assignedTo,
        ConversationChannel channel,
        boolean archived,
        ConversationStatus status,
        Instant snoozedUntil,
        String subject,
        String orderId,
        Deletion deletion,
        Instant lastMessageDate,
        String lastMessageBody,
        MessageChannel lastMessageType,
        String lastMessageId,
        Direction lastMessageDirection,
        MessageAction lastMessageAction,
        Instant lastManualMessageDate,
        ConversationType conversationType,
        String outletCode,
        String orderCode,
        Set<String> followers,
        Set<String> mentions,
        Map<String, Object> metadata) implements SoftDeletable {
    public Conversation {
        status = status == null ? ConversationStatus.OPEN : status;
        followers = users(followers);
        mentions = users(mentions);
        metadata = metadata == null || metadata.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** User ids in name order, unmodifiable; none for null. */
    private static Set<String> users(Set<String> userIds) {
        return userIds == null || userIds.isEmpty() ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(userIds));
    }

    /** A builder holding this conversation's values, to make a changed copy. */
    public ConversationBuilder toBuilder() {
        return ConversationBuilder.builder(this);
    }

    /** A builder of a new conversation (the rules build them; stores map rows with it). */
    public static ConversationBuilder builder() {
        return ConversationBuilder.builder();
    }
}
