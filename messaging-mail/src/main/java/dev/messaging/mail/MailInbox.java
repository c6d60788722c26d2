package dev.messaging.mail;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.common.Tenant;
import dev.messaging.common.Texts;
import dev.messaging.delivery.Delivery;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.EmailOptions;
import dev.messaging.message.Message;
import dev.messaging.message.MessageChannel;
import dev.messaging.message.MessageFile;
import dev.messaging.message.NewMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Takes received email back into a tenant's conversations. A customer's email joins the
 * conversation of the email it answers ({@code In-Reply-To}, then {@code References}: the library
 * knows its own emails by their Message-ID), else the conversation of the customer its sender's
 * address belongs to (through the service's {@link CustomerLookup}); it is added as the customer's
 * message with the reply they wrote as its text (quoted text and signature cut; the whole HTML kept
 * in its email details), its attachments stored through the service's {@link FileStore}, and its
 * Message-ID as the request's key, so an email received twice is added once. An automatic answer
 * is not added. A bounce of one of the library's emails reports its delivery Undelivered when it is
 * for good (a soft bounce is the sending server's to retry: nothing is recorded); a complaint
 * unsubscribes the customer from email.
 */
public final class MailInbox {
    private final Messaging messaging;
    private final CustomerLookup customers;
    private final FileStore files;
    private final MailParser parser;
    private final int maxTextLength;

    private MailInbox(Builder b) {
        this.messaging = b.messaging;
        this.customers = b.customers;
        this.files = b.files;
        this.parser = new MailParser(b.limits);
        this.maxTextLength = b.limits.maxTextLength();
    }

    /** An inbox adding mail to {@code messaging}'s conversations. */
    public static Builder builder(Messaging messaging) {
        return new Builder(messaging);
    }

    /** Finds the customer an email address belongs to, in a tenant (the service's contacts). */
    @FunctionalInterface
    public interface CustomerLookup {
        /** The customer of {@code tenant} whose address {@code address} is, if any. */
        Optional<String> customerOf(Tenant tenant, String address);
    }

    /** Stores a received attachment where the service keeps files, and says how to find it. */
    @FunctionalInterface
    public interface FileStore {
        /** Stores {@code attachment} of a {@code tenant}'s email; the file the message will list. */
        MessageFile store(Tenant tenant, InboundAttachment attachment) throws IOException;
    }

    /** What became of a received email. */
    public enum Outcome {
        /** Added as the customer's message (or it was already: the same Message-ID). */
        ADDED,
        /** An automatic answer: not added. */
        AUTO_REPLY,
        /** A bounce that reported its delivery Undelivered. */
        BOUNCED,
        /** A soft bounce, or one of an email the library does not know: nothing recorded. */
        BOUNCE_IGNORED,
        /** A complaint: the customer is unsubscribed from email. */
        UNSUBSCRIBED,
        /** Neither a known thread nor a known sender: not added (the service decides). */
        UNMATCHED
    }

    /** The outcome, the email as read, and the message it added or is about (when there is one). */
    public record Received(Outcome outcome, InboundMail mail, Optional<Message> message) {
    }

    /**
     * Takes one raw email received for {@code tenant}. A {@link MalformedMailException} when it
     * cannot be read or is over a limit; the domain's errors as {@code messages().create} throws
     * them. Cost: a parse, a read per id it answers until one is found, and one write.
     */
    public Received receive(Tenant tenant, byte[] raw) throws IOException {
        Objects.requireNonNull(tenant, "tenant");
        InboundMail mail = parser.parse(Objects.requireNonNull(raw, "raw"));
        Actor system = Actor.system(tenant.companyId(), tenant.locationId());
        return switch (mail.kind()) {
            case AUTO_REPLY -> new Received(Outcome.AUTO_REPLY, mail, Optional.empty());
            case BOUNCE -> bounce(system, mail);
            case COMPLAINT -> complaint(system, mail);
            case MESSAGE -> message(tenant, system, mail);
        };
    }

    private Received bounce(Actor system, InboundMail mail) {
        Optional<Delivery> delivery = mail.original() == null ? Optional.empty()
                : messaging.deliveries().findByProviderId(system, mail.original());
        if (delivery.isEmpty() || !mail.permanent()) {
            return new Received(Outcome.BOUNCE_IGNORED, mail, Optional.empty());
        }
        Message m = messaging.deliveries().report(system, mail.original(), DeliveryStatus.UNDELIVERED,
                "bounced: " + (mail.diagnostic() != null ? mail.diagnostic() : "undeliverable"));
        return new Received(Outcome.BOUNCED, mail, Optional.of(m));
    }

    private Received complaint(Actor system, InboundMail mail) {
        Optional<Delivery> delivery = mail.original() == null ? Optional.empty()
                : messaging.deliveries().findByProviderId(system, mail.original());
        if (delivery.isEmpty()) {
            return new Received(Outcome.UNMATCHED, mail, Optional.empty());
        }
        messaging.consents().set(system, delivery.get().customerId(), DeliveryChannel.EMAIL, false, "complaint",
                "the customer reported email " + mail.original() + " as abuse");
        return new Received(Outcome.UNSUBSCRIBED, mail, messaging.messages().find(system, delivery.get().messageId()));
    }

    private Received message(Tenant tenant, Actor system, InboundMail mail) throws IOException {
        Optional<Message> answered = answered(system, mail);
        Optional<String> customer = answered.map(Message::customerId);
        if (customer.isEmpty() && mail.from() != null && customers != null) {
            customer = customers.customerOf(tenant, mail.from().address());
        }
        if (customer.isEmpty()) {
            return new Received(Outcome.UNMATCHED, mail, Optional.empty());
        }
        List<MessageFile> stored = new ArrayList<>();
        for (InboundAttachment a : files == null ? List.<InboundAttachment>of() : mail.attachments()) {
            stored.add(files.store(tenant, a));
        }
        EmailDetails details = new EmailDetails(null, answered.map(MailInbox::threadOf).orElse(null), null, null,
                null, mail.from() == null ? null : mail.from().address(), mail.to(), mail.cc(), null,
                answered.map(Message::id).orElse(null), null, null, mail.html(), null);
        NewMessage request = NewMessage.to(customer.get(), text(mail))
                .conversationId(answered.map(Message::conversationId).orElse(null))
                .clientMessageId(key(mail))
                .channel(MessageChannel.TYPE_EMAIL)
                .emailOptions(new EmailOptions(mail.subject(), storable(mail.messageId()) ? mail.messageId() : null,
                        details))
                .files(stored)
                .build();
        Message added = messaging.messages().create(Actor.customer(tenant.companyId(), tenant.locationId(),
                customer.get()), request);
        return new Received(Outcome.ADDED, mail, Optional.of(added));
    }

    /** The library's message this email answers, newest reference first. */
    private Optional<Message> answered(Actor system, InboundMail mail) {
        for (String id : mail.answered()) {
            Optional<Message> found = messaging.deliveries().findByProviderId(system, id)
                    .flatMap(d -> messaging.messages().find(system, d.messageId()));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static String threadOf(Message answered) {
        EmailDetails e = answered.emailOptions().details();
        return e != null && e.threadId() != null ? e.threadId() : answered.id();
    }

    private String text(InboundMail mail) {
        String text = mail.reply() != null && !mail.reply().isBlank() ? mail.reply()
                : mail.subject() != null && !mail.subject().isBlank() ? mail.subject() : "(no text)";
        if (text.codePointCount(0, text.length()) > maxTextLength) {
            text = text.substring(0, text.offsetByCodePoints(0, maxTextLength - 1)) + "…";
        }
        return text;
    }

    /**
     * The request key: the Message-ID; for one longer than an id may be, a hash of it; for an email
     * without one, a hash of what it says.
     */
    private static String key(InboundMail mail) {
        if (storable(mail.messageId())) {
            return mail.messageId();
        }
        String said = mail.messageId() != null ? mail.messageId()
                : mail.from() + "|" + mail.subject() + "|" + mail.text() + "|" + mail.html();
        return "mail-" + UUID.nameUUIDFromBytes(said.getBytes(StandardCharsets.UTF_8));
    }

    /** Whether {@code id} fits the domain's ids (a Message-ID may be longer: then it is not kept). */
    private static boolean storable(String id) {
        return id != null && id.length() <= Texts.MAX_ID_LENGTH;
    }

    /** Configures a {@link MailInbox}. */
    public static final class Builder {
        private final Messaging messaging;
        private CustomerLookup customers;
        private FileStore files;
        private MailLimits limits = MailLimits.DEFAULT;

        private Builder(Messaging messaging) {
            this.messaging = Objects.requireNonNull(messaging, "messaging");
        }

        /** How to find a customer by address when an email answers nothing the library sent. */
        public Builder customers(CustomerLookup value) {
            this.customers = value;
            return this;
        }

        /** Where attachments are stored (without one, they are not kept). */
        public Builder files(FileStore value) {
            this.files = value;
            return this;
        }

        /** How much of an email is read ({@link MailLimits#DEFAULT} unless set). */
        public Builder limits(MailLimits value) {
            this.limits = Objects.requireNonNull(value, "limits");
            return this;
        }

        /** The inbox. */
        public MailInbox build() {
            return new MailInbox(this);
        }
    }
}
