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

/**
 * A conversation with one customer at one location. At most one live (non-deleted) conversation
 * exists per customer. It keeps a summary of its newest live message ({@code lastMessage*}),
 * which a new message refreshes without bumping {@code meta.version} (derived state, not an
 * edit). {@code archived} is the shop-wide archive; each user's own is on their thread.
 * {@code metadata} is the service's own JSON object (Shopmonkey {@code metadata}), kept as given.
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
        ConversationType conversationType,
        String outletCode,
        String orderCode,
        Map<String, Object> metadata) implements SoftDeletable {
    public Conversation {
        status = status == null ? ConversationStatus.OPEN : status;
        metadata = metadata == null || metadata.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
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
