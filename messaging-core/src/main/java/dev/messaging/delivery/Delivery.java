package dev.messaging.delivery;

import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import java.time.Instant;

/**
 * One delivery of the outbox: a message's send on one channel, or one staff user's notification on
 * one channel, written in the transaction of the message that caused it. Its {@code id} is also the
 * idempotency key a sender hands its provider: a redelivery after a lost lease keeps it.
 *
 * @param status            Scheduled or Pending while waiting; Sent, Delivered, Read after; or a
 *                          final state (Error, Undelivered, OptOut, Canceled)
 * @param attempts          how many times it was claimed for a send (a claim whose sender crashed or
 *                          hung past its lease counts)
 * @param dueAt             when it may be claimed next
 * @param leaseHolder       who claimed it (a claim token), null when not leased
 * @param leaseUntil        when that claim lapses
 * @param providerMessageId the provider's id of what was sent (its callbacks name it)
 * @param recipientUserId   the staff user a notification is for (null for a message's send)
 * @param version           grows by one on every change (compare-and-set)
 */
@io.soabase.recordbuilder.core.RecordBuilder
public record Delivery(
        String id,
        String companyId,
        String locationId,
        DeliveryPurpose purpose,
        DeliveryChannel channel,
        String messageId,
        String conversationId,
        String customerId,
        String recipientUserId,
        DeliveryStatus status,
        int attempts,
        Instant dueAt,
        String leaseHolder,
        Instant leaseUntil,
        String providerMessageId,
        String lastError,
        Instant createdDate,
        Instant updatedDate,
        long version) implements DeliveryBuilder.With {

    /** Whether a claim at {@code now} may take it: waiting, due, and not leased (or its lease lapsed). */
    public boolean claimableAt(Instant now) {
        return (status == DeliveryStatus.PENDING || status == DeliveryStatus.SCHEDULED) && !dueAt.isAfter(now)
                && (leaseUntil == null || !leaseUntil.isAfter(now));
    }

    /** Whether a claim holds it at {@code now}. */
    public boolean leasedAt(Instant now) {
        return leaseUntil != null && leaseUntil.isAfter(now);
    }
}
