package dev.messaging.delivery;

import dev.messaging.common.Tenant;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.Message;

/**
 * A claimed delivery, as a sender gets it: the idempotency {@code key} to hand the provider (a
 * redelivery keeps it), the channel, the tenant, and what to send. For a message's send, {@code to}
 * is the customer's phone (SMS) or email (EMAIL) from the conversation's contact, or null when the
 * contact has none; for a notification, {@code recipientUserId} is the staff user to tell and
 * {@code message} the customer message it is about. {@code claimer} is the claim's token.
 * {@code inReplyTo} is, for an email that answers another message ({@code replyToMessageId}), the
 * provider's id of the answered email — a customer's email's own id ({@code emailId}), or the
 * provider id of the library's email send of it — so a mail sender can thread the reply; else null.
 */
public record Outgoing(
        String key,
        DeliveryChannel channel,
        DeliveryPurpose purpose,
        Tenant tenant,
        String to,
        String recipientUserId,
        Message message,
        int attempt,
        String claimer,
        String inReplyTo) {

    /** A claimed delivery that answers nothing. */
    public Outgoing(String key, DeliveryChannel channel, DeliveryPurpose purpose, Tenant tenant, String to,
            String recipientUserId, Message message, int attempt, String claimer) {
        this(key, channel, purpose, tenant, to, recipientUserId, message, attempt, claimer, null);
    }

    /** The text to send (the message's). */
    public String text() {
        return message.text();
    }

    /** The email subject (null when none was given). */
    public String subject() {
        return message.emailOptions().subject();
    }
}
