package dev.messaging.message;

import dev.messaging.common.WireValue;
import dev.messaging.error.FieldError;
import dev.messaging.error.ValidationException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A request to create a message (Shopmonkey POST /v3/message and more). {@code text} and
 * {@code customerId} (or {@code conversationId}) are required; the author is the acting
 * {@code Actor}; everything else is optional and defaulted by the rules (see {@code Messages}).
 * {@code sends} says, per channel, whether the message goes out on it (the reference's
 * {@code sendEmail} and {@code sendSms} are its EMAIL and SMS entries).
 * {@code imported} and {@code createdDate} are for history import by the system only; {@code sendAt}
 * schedules the message's sends. Enum fields
 * can be set from their wire strings ({@link Builder#origin(String)}, ...): an unknown one is kept
 * in {@code problems} and reported with the request's other problems when it is created.
 */
public record NewMessage(
        String text,
        String customerId,
        String conversationId,
        String clientMessageId,
        Map<DeliveryChannel, Boolean> sends,
        Boolean internal,
        MessageOrigin origin,
        MessageChannel channel,
        boolean detached,
        String userColor,
        EmailOptions emailOptions,
        SmsOptions smsOptions,
        OrderRef order,
        AppointmentRef appointment,
        MessageLinks links,
        SuggestedReply suggestedReply,
        Translation translation,
        Call call,
        String consentCategoryId,
        List<String> mentions,
        List<MessageFile> files,
        Map<String, Object> metadata,
        boolean imported,
        Instant createdDate,
        Instant sendAt,
        List<FieldError> problems) {
    public NewMessage {
        emailOptions = emailOptions == null ? EmailOptions.NONE : emailOptions;
        smsOptions = smsOptions == null ? SmsOptions.NONE : smsOptions;
        order = order == null ? OrderRef.NONE : order;
        appointment = appointment == null ? AppointmentRef.NONE : appointment;
        links = links == null ? MessageLinks.NONE : links;
        suggestedReply = suggestedReply == null ? SuggestedReply.NONE : suggestedReply;
        translation = translation == null ? Translation.NONE : translation;
        call = call == null ? Call.NONE : call;
        files = files == null ? List.of() : files;
        mentions = mentions == null ? List.of() : mentions;
        sends = sends == null || sends.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(sends));
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    /** A builder for a message to (or from) {@code customerId} with {@code text}. */
    public static Builder to(String customerId, String text) {
        return builder().customerId(customerId).text(text);
    }

    /** Whether the author asked for a send on {@code channel}: null when unsaid. */
    public Boolean send(DeliveryChannel channel) {
        return sends.get(channel);
    }

    /** Whether the message goes out by email (the reference's {@code sendEmail}): null when unsaid. */
    public Boolean sendEmail() {
        return send(DeliveryChannel.EMAIL);
    }

    /** Whether the message goes out by SMS (the reference's {@code sendSms}): null when unsaid. */
    public Boolean sendSms() {
        return send(DeliveryChannel.SMS);
    }

    /** The channels the author asked to send on (true), in the enum's order. */
    public List<DeliveryChannel> requestedSends() {
        return sends.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue())).map(Map.Entry::getKey).toList();
    }

    /**
     * The request field that asks for a send on {@code channel}: the reference's {@code sendEmail}
     * and {@code sendSms}, else {@code sends.<CHANNEL>}; what validation errors name.
     */
    public static String sendField(DeliveryChannel channel) {
        return switch (channel) {
            case EMAIL -> "sendEmail";
            case SMS -> "sendSms";
            default -> "sends." + channel.name();
        };
    }

    /** A builder holding this newMessage's values, to make a changed copy. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.text = text;
        b.customerId = customerId;
        b.conversationId = conversationId;
        b.clientMessageId = clientMessageId;
        b.sends.putAll(sends);
        b.internal = internal;
        b.origin = origin;
        b.channel = channel;
        b.detached = detached;
        b.userColor = userColor;
        b.emailOptions = emailOptions;
        b.smsOptions = smsOptions;
        b.order = order;
        b.appointment = appointment;
        b.links = links;
        b.suggestedReply = suggestedReply;
        b.translation = translation;
        b.call = call;
        b.consentCategoryId = consentCategoryId;
        b.mentions = mentions;
        b.files = files;
        b.metadata = metadata;
        b.imported = imported;
        b.createdDate = createdDate;
        b.sendAt = sendAt;
        b.problems = problems;
        return b;
    }

    /** An empty builder: set {@code text} and {@code customerId} (or {@code conversationId}) at least. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link NewMessage} from typed values or wire strings. */
    public static final class Builder {
        private String text;
        private String customerId;
        private String conversationId;
        private String clientMessageId;
        private final Map<DeliveryChannel, Boolean> sends = new EnumMap<>(DeliveryChannel.class);
        private Boolean internal;
        private MessageOrigin origin;
        private MessageChannel channel;
        private boolean detached;
        private String userColor;
        private EmailOptions emailOptions;
        private SmsOptions smsOptions;
        private OrderRef order;
        private AppointmentRef appointment;
        private MessageLinks links;
        private SuggestedReply suggestedReply;
        private Translation translation;
        private Call call;
        private String consentCategoryId;
        private List<String> mentions;
        private List<MessageFile> files;
        private Map<String, Object> metadata;
        private boolean imported;
        private Instant createdDate;
        private Instant sendAt;
        private List<FieldError> problems;

        private Builder() {
        }

        /** The text (required; at most the configured length, 10,000 characters by default). */
        public Builder text(String value) {
            this.text = value;
            return this;
        }

        /** The customer the message is to or from; their live conversation is used, or created. */
        public Builder customerId(String value) {
            this.customerId = value;
            return this;
        }

        /** A conversation of the tenant to write into, instead of the customer's live one. */
        public Builder conversationId(String value) {
            this.conversationId = value;
            return this;
        }

        /** The caller's id of this request (unique per location): a retry with it returns the first message. */
        public Builder clientMessageId(String value) {
            this.clientMessageId = value;
            return this;
        }

        /** Whether the message goes out by email (a user's or the system's message; default false). */
        public Builder sendEmail(Boolean value) {
            return send(DeliveryChannel.EMAIL, value);
        }

        /** Whether the message goes out by SMS (a user's or the system's message; default false). */
        public Builder sendSms(Boolean value) {
            return send(DeliveryChannel.SMS, value);
        }

        /**
         * Whether the message goes out on {@code channel} (a user's or the system's message; default
         * false); null leaves it unsaid. {@code sendEmail} and {@code sendSms} are this for EMAIL and SMS.
         */
        public Builder send(DeliveryChannel channel, Boolean value) {
            if (value == null) {
                sends.remove(channel);
            } else {
                sends.put(channel, value);
            }
            return this;
        }

        /** An internal note: never sent, never unread for anyone (default false). */
        public Builder internal(Boolean value) {
            this.internal = value;
            return this;
        }

        /** Where the message was written (web, mobile, SMS, a campaign...). */
        public Builder origin(MessageOrigin value) {
            this.origin = value;
            return this;
        }

        /** The message's channel (LeadConnector's message type); defaults from the origin or the send flags. */
        public Builder channel(MessageChannel value) {
            this.channel = value;
            return this;
        }

        /** Whether the message stays out of its conversation's last-message summary. */
        public Builder detached(boolean value) {
            this.detached = value;
            return this;
        }

        /** The color the author is shown in (Shopmonkey's {@code userColor}). */
        public Builder userColor(String value) {
            this.userColor = value;
            return this;
        }

        /** The email's subject and details (from, to, cc, bcc, threading). */
        public Builder emailOptions(EmailOptions value) {
            this.emailOptions = value;
            return this;
        }

        /** The SMS's options: whether it waits out the location's quiet hours. */
        public Builder smsOptions(SmsOptions value) {
            this.smsOptions = value;
            return this;
        }

        /** The order the message is about, and whether it shares it (an order share needs its type and id). */
        public Builder order(OrderRef value) {
            this.order = value;
            return this;
        }

        /** The appointment the message is about, and whether it asks for a confirmation. */
        public Builder appointment(AppointmentRef value) {
            this.appointment = value;
            return this;
        }

        /** Links to the service's records (vehicle, inspection, campaign, ...); a campaign makes it Marketing. */
        public Builder links(MessageLinks value) {
            this.links = value;
            return this;
        }

        /** A reply an assistant suggested, and how much of it was used. */
        public Builder suggestedReply(SuggestedReply value) {
            this.suggestedReply = value;
            return this;
        }

        /** The text's language and its translation, when the service translated it. */
        public Builder translation(Translation value) {
            this.translation = value;
            return this;
        }

        /** The phone call this message logs (a call log: not sent; its text may be left out). */
        public Builder call(Call value) {
            this.call = value;
            return this;
        }

        /**
         * The consent category the message's sends go out under (LeadConnector {@code customSubtypeId}):
         * a customer unsubscribed from it on a channel is not sent it there (OptOut).
         */
        public Builder consentCategoryId(String value) {
            this.consentCategoryId = value;
            return this;
        }

        /** The attached files, in order (the service resolves file ids to files). */
        public Builder files(List<MessageFile> value) {
            this.files = value;
            return this;
        }

        /** Free-form JSON values the service keeps with the message; they read back as written. */
        public Builder metadata(Map<String, Object> value) {
            this.metadata = value;
            return this;
        }

        /** A message of a history import (the system only): never sent, and may carry its {@code createdDate}. */
        public Builder imported(boolean value) {
            this.imported = value;
            return this;
        }

        /** The original date of an imported message (in the past); other messages take the clock's. */
        public Builder createdDate(Instant value) {
            this.createdDate = value;
            return this;
        }

        /** Schedules the message's sends for {@code value} (after now, at most a year ahead); null sends now. */
        public Builder sendAt(Instant value) {
            this.sendAt = value;
            return this;
        }

        /** Records a problem found while building (a view's wire field that did not parse, say). */
        public Builder problem(String field, String problem) {
            List<FieldError> all = new ArrayList<>(problems == null ? List.of() : problems);
            all.add(new FieldError(field, problem));
            problems = all;
            return this;
        }

        /** The origin from its wire value ({@code "CustomerOrderPage"}); an unknown one is a problem of the request. */
        public Builder origin(String wire) {
            return origin(wire(MessageOrigin.class, "origin", wire));
        }

        /**
         * The message type from its wire value ({@code "TYPE_SMS"}); one the library does not know is
         * kept as it is, a malformed one is a problem of the request.
         */
        public Builder channel(String wire) {
            if (wire == null) {
                return channel((MessageChannel) null);
            }
            try {
                return channel(MessageChannel.fromWire(wire));
            } catch (ValidationException e) {
                e.errors().forEach(error -> problem(error.field(), error.problem()));
                return this;
            }
        }

        /** The message's origin language ({@code languageCode}), keeping the rest of its translation. */
        public Builder languageCode(String value) {
            Translation t = translation == null ? Translation.NONE : translation;
            return translation(new Translation(value, t.isTranslated(), t.originalText()));
        }

        /**
         * Parses the wire value of an enum field of this request; an unknown one is recorded as a
         * problem of {@code field} (reported when the message is created) and gives null.
         */
        public <E extends Enum<E> & WireValue> E wire(Class<E> type, String field, String wire) {
            if (wire == null) {
                return null;
            }
            try {
                return WireValue.parse(type, field, wire);
            } catch (ValidationException e) {
                e.errors().forEach(error -> problem(error.field(), error.problem()));
                return null;
            }
        }

        /**
         * The users an internal note names (at most 100 ids; an internal note's only): they join the
         * conversation's mentions.
         */
        public Builder mentions(List<String> userIds) {
            this.mentions = userIds;
            return this;
        }

        /** The request; its problems are reported, with every other, when it is created. */
        public NewMessage build() {
            return new NewMessage(text, customerId, conversationId, clientMessageId, sends, internal, origin,
                    channel, detached, userColor, emailOptions, smsOptions, order, appointment, links, suggestedReply,
                    translation, call, consentCategoryId, mentions, files, metadata, imported, createdDate, sendAt,
                    problems);
        }
    }
}

