package dev.messaging.spi;

import java.time.Instant;

/**
 * Facts about a conversation's customer messages above one read number, which a store may compute
 * within its inbox query so that core needs no lookup per row: the createdDate of the first live
 * customer message numbered above {@code readNumber} (null if none) and how many deleted customer
 * messages are numbered above it. Core uses them only when the user's horizon is that number.
 */
public record ReadFacts(int readNumber, Instant firstLiveCustomerMessageDate, int deletedCustomerMessages) {
}
