package dev.messaging.outbox;

import dev.messaging.common.Tenant;
import dev.messaging.conversation.Contact;
import dev.messaging.delivery.Consent;
import dev.messaging.delivery.ConsentCategory;
import dev.messaging.delivery.Delivery;
import dev.messaging.delivery.DeliveryPurpose;
import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.SendResult;
import dev.messaging.message.AddressKind;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.Message;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.StoreTransaction;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What a claim reads to hand its deliveries over: each delivery's message, its customer's address
 * and consents, the email it answers, and how the deliveries that may not go out end instead
 * (attempts used up, the customer unsubscribed, no address). One read per tenant of a claim.
 */
final class OutgoingReads {
    private OutgoingReads() {
    }

    /**
     * Reads what {@code tasks} send (their messages, their customers' addresses and consents) into
     * {@code byKey}, and into {@code endings} how those that may not go out end: claimed more than
     * {@code maxAttempts} times (its earlier claims ended without an outcome: a sender that crashed
     * its process or hung past its lease), a customer who unsubscribed from the channel (OptOut), no
     * address on it (Error).
     */
    static Void read(StoreTransaction tx, List<Delivery> tasks, String claimer, int maxAttempts,
            Map<String, Outgoing> byKey, Map<String, SendResult> endings) {
        Map<String, Message> messages = new HashMap<>();
        for (MessageRow row : tx.findMessages(tasks.stream().map(Delivery::messageId).distinct().toList())) {
            messages.put(row.id(), row.message());
        }
        List<String> customers = tasks.stream().filter(OutgoingReads::toCustomer).map(Delivery::customerId).distinct()
                .toList();
        Map<String, Map<String, Consent>> consents = new HashMap<>();
        for (Consent c : customers.isEmpty() ? List.<Consent>of() : tx.outbox().consentsOf(customers)) {
            consents.computeIfAbsent(c.customerId(), k -> new HashMap<>())
                    .put(ConsentCategories.key(c.channel(), c.categoryId()), c);
        }
        Map<String, ConsentCategory> categories = new HashMap<>();
        if (messages.values().stream().anyMatch(m -> m.consentCategoryId() != null)) {
            tx.outbox().consentCategories().forEach(c -> categories.put(c.id(), c));
        }
        for (Delivery task : tasks) {
            Outgoing o = toOutgoing(tx, task, messages.get(task.messageId()), claimer);
            byKey.put(task.id(), o);
            String held = toCustomer(task) ? optedOut(task, messages.get(task.messageId()), consents, categories) : null;
            if (task.attempts() > maxAttempts) {
                endings.put(task.id(), SendResult.failed("claimed " + (task.attempts() - 1) + " times without an"
                        + " outcome (its sender crashed or hung past the lease): not sent again"));
            } else if (held != null) {
                endings.put(task.id(), SendResult.optedOut(held));
            } else if (unaddressed(o)) {
                endings.put(task.id(), SendResult.failed("no address: the customer's contact has no "
                        + task.channel().address().name().toLowerCase(Locale.ROOT)));
            }
        }
        return null;
    }

    /** Why {@code task} of {@code message} may not go out for its customer's consent; null when it may. */
    private static String optedOut(Delivery task, Message message, Map<String, Map<String, Consent>> consents,
            Map<String, ConsentCategory> categories) {
        ConsentCategory category = message == null || message.consentCategoryId() == null ? null
                : categories.get(message.consentCategoryId());
        return ConsentCategories.optedOut(consents.getOrDefault(task.customerId(), Map.of()), task.channel(), category);
    }

    /** A message's send to its customer (not a staff notification) over a channel with addresses. */
    private static boolean toCustomer(Delivery task) {
        return task.purpose() == DeliveryPurpose.MESSAGE && task.channel().reachesCustomers();
    }


    /** A message's send (not a staff notification) to a customer whose contact names no address on its channel. */
    private static boolean unaddressed(Outgoing o) {
        return o.purpose() == DeliveryPurpose.MESSAGE && o.channel().reachesCustomers()
                && (o.to() == null || o.to().isBlank());
    }

    private static Outgoing toOutgoing(StoreTransaction tx, Delivery task, Message message, String claimer) {
        String to = null;
        if (task.purpose() == DeliveryPurpose.MESSAGE) {
            Contact contact = tx.findConversation(task.conversationId()).map(ConversationRow::conversation)
                    .map(c -> c.contact()).orElse(null);
            to = addressOf(task.channel().address(), contact, task.customerId());
        }
        return new Outgoing(task.id(), task.channel(), task.purpose(), new Tenant(task.companyId(), task.locationId()),
                to, task.recipientUserId(), message, task.attempts(), claimer, inReplyTo(tx, task, message));
    }

    /** The address of kind {@code kind}: the contact's email or phone, or the customer's id; null when none. */
    private static String addressOf(AddressKind kind, Contact contact, String customerId) {
        return switch (kind) {
            case EMAIL -> contact == null ? null : contact.email();
            case PHONE -> contact == null ? null : contact.phone();
            case CUSTOMER -> customerId;
            case USER -> null;
        };
    }

    /**
     * The provider's id of the email {@code message} answers, for an email send of it: the answered
     * message's own email id (a customer's email keeps its Message-ID there), else the provider id
     * of the answered message's email send; null when it answers nothing or none is known. One or
     * two reads, for email replies only.
     */
    private static String inReplyTo(StoreTransaction tx, Delivery task, Message message) {
        EmailDetails details = message == null ? null : message.emailOptions().details();
        if (task.channel() != DeliveryChannel.EMAIL || task.purpose() != DeliveryPurpose.MESSAGE || details == null
                || details.replyToMessageId() == null) {
            return null;
        }
        Optional<Message> answered = tx.findMessage(details.replyToMessageId()).map(MessageRow::message);
        if (answered.isEmpty()) {
            return null;
        }
        if (answered.get().emailOptions().emailId() != null) {
            return answered.get().emailOptions().emailId();
        }
        return tx.outbox().ofMessage(answered.get().id()).stream()
                .filter(d -> d.channel() == DeliveryChannel.EMAIL && d.providerMessageId() != null)
                .map(Delivery::providerMessageId).findFirst().orElse(null);
    }

}
