package dev.messaging.spi;

/**
 * A page of one conversation's messages in (createdDate, id) order: with {@code before} set, the
 * {@code limit} messages just before it (returned oldest first); else the {@code limit}
 * messages after {@code after} (or from the start).
 */
public record MessageListSpec(
        String conversationId, PagePosition after, PagePosition before, boolean includeDeleted, int limit) {
}
