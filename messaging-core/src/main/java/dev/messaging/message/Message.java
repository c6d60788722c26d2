package dev.messaging.message;

import dev.messaging.common.ChangeMeta;
import dev.messaging.common.Deletion;
import dev.messaging.common.SoftDeletable;
import io.soabase.recordbuilder.core.RecordBuilder;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A message of a conversation, sent internally or externally: every field of the Shopmonkey
 * Message schema, plus the LeadConnector channel, direction and email details and the caller's
 * idempotency key {@code clientMessageId}, and {@code sendAt} when its sends are scheduled. Fields
 * that change together are small records: its
 * {@link Sends}, one {@link Send} per channel asked about (for email and SMS the reference's
 * {@code sendEmail}, {@code emailStatus}, {@code emailError}, {@code emailDeliveries} and their SMS
 * twins: {@link #email()}, {@link #sms()}), the email and SMS options, the
 * order and appointment it is about, its links, suggested reply and translation, and the phone
 * {@link Call} a call-log message records, and the consent category its sends go out under
 * ({@code consentCategoryId}: a customer unsubscribed from it on a channel is not sent it there),
 * and the users an internal note names ({@code mentions}). Immutable;
 * {@link #toBuilder()} makes a changed copy.
 *
 * <p>Nullable as in the reference: {@code email.requested}, {@code sms.requested} and
 * {@code internal} are null when a Customer wrote the message; {@code shopRead} is null when a User
 * or System did. {@code shopRead} is derived: true once someone at the shop has read the thread
 * past it. {@code metadata} holds any JSON value per key (strings, numbers, booleans, null, lists
 * and maps of them).
 */
@RecordBuilder
public record Message(
        String id,
        Instant createdDate,
        Instant updatedDate,
        String companyId,
        String locationId,
        ChangeMeta meta,
        Deletion deletion,
        String conversationId,
        String customerId,
        AuthorType authorType,
        String userId,
        String userColor,
        String text,
        MessageType type,
        MessageOrigin origin,
        MessageChannel channel,
        Direction direction,
        Boolean shopRead,
        Boolean internal,
        boolean detached,
        boolean imported,
        String clientMessageId,
        Instant sendAt,
        Sends sends,
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
        Map<String, Object> metadata) implements SoftDeletable, MessageBuilder.With {
    public Message {
        sends = sends == null ? Sends.NONE : sends;
        emailOptions = emailOptions == null ? EmailOptions.NONE : emailOptions;
        smsOptions = smsOptions == null ? SmsOptions.NONE : smsOptions;
        order = order == null ? OrderRef.NONE : order;
        appointment = appointment == null ? AppointmentRef.NONE : appointment;
        links = links == null ? MessageLinks.NONE : links;
        suggestedReply = suggestedReply == null ? SuggestedReply.NONE : suggestedReply;
        translation = translation == null ? Translation.NONE : translation;
        call = call == null ? Call.NONE : call;
        files = files == null ? List.of() : List.copyOf(files);
        mentions = mentions == null ? List.of() : List.copyOf(mentions);
        // most messages have none: no copy, no wrapper (a copy per message, and per changed copy, was measured in the heap)
        metadata = metadata == null || metadata.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** The email send (the reference's {@code sendEmail}, {@code emailStatus}, ...): {@code sends().of(EMAIL)}. */
    public Send email() {
        return sends.of(DeliveryChannel.EMAIL);
    }

    /** The SMS send (the reference's {@code sendSms}, {@code smsStatus}, ...): {@code sends().of(SMS)}. */
    public Send sms() {
        return sends.of(DeliveryChannel.SMS);
    }

    /** A builder holding this message's values, to make a changed copy. */
    public MessageBuilder toBuilder() {
        return MessageBuilder.builder(this);
    }

    /** A builder of a new message (the rules build them; stores map rows with it). */
    public static MessageBuilder builder() {
        return MessageBuilder.builder();
    }
}
