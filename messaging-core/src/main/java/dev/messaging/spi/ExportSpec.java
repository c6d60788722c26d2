package dev.messaging.spi;

import java.time.Instant;

/**
 * Up to {@code limit} live messages of the transaction's tenant in id order, after
 * {@code afterId} (null: from the first), created in {@code [from, to)} (either null: open), of
 * {@code customerId}'s conversations when set.
 */
public record ExportSpec(String afterId, Instant from, Instant to, String customerId, int limit) {
}
