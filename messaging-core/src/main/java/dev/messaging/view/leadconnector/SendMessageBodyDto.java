package dev.messaging.view.leadconnector;

import dev.messaging.error.ValidationException;
import dev.messaging.message.AppointmentRef;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.EmailOptions;
import dev.messaging.message.EmailReplyMode;
import dev.messaging.message.MessageChannel;
import dev.messaging.message.MessageLinks;
import dev.messaging.message.NewMessage;
import dev.messaging.message.SmsOptions;
import dev.messaging.view.Iso;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * LeadConnector SendMessageBodyDto ({@code POST /conversations/messages}): a user's send over one
 * channel. {@link #toNewMessage()} is the domain request: {@code type} is the message type
 * ({@link LeadConnectorChannel}) and asks for its email or SMS send when it is delivered on one;
 * {@code message} is the text ({@code html} as plain text when only HTML is given); the email fields
 * are the email's subject and details (threading by {@code replyMessageId}, {@code threadId},
 * {@code emailReplyMode}); {@code fromNumber} and {@code toNumber} the SMS's numbers;
 * {@code templateId} the message's template link; {@code customSubtypeId} its consent category;
 * {@code scheduledTimestamp} (epoch seconds) its {@code sendAt}; {@code attachments} its files. Not
 * in the domain (parsed, rendered, not sent on): {@code subType}, {@code forward}, {@code status},
 * {@code usesNativeSchedulingAi}, {@code optimizationPeriod}.
 */
public record SendMessageBodyDto(
        String type,
        Object subType,
        String contactId,
        String appointmentId,
        List<String> attachments,
        String emailFrom,
        List<String> emailCc,
        List<String> emailBcc,
        String html,
        String message,
        String subject,
        String replyMessageId,
        String templateId,
        String threadId,
        Long scheduledTimestamp,
        String conversationProviderId,
        String emailTo,
        String customSubtypeId,
        String emailReplyMode,
        String fromNumber,
        String toNumber,
        ForwardConfigDto forward,
        String status,
        Boolean usesNativeSchedulingAi,
        String optimizationPeriod) {

    /**
     * The domain request of this send, for {@code messages().create} by the sending user. A missing
     * {@code type} or an unknown {@code emailReplyMode} is a validation error naming the field; the
     * rest is checked by {@code create}.
     */
    public NewMessage toNewMessage() {
        if (type == null) {
            throw ValidationException.of("type", "is required");
        }
        MessageChannel channel = LeadConnectorChannel.of(type);
        Optional<DeliveryChannel> delivered = channel.deliveryChannel();
        EmailDetails details = new EmailDetails(null, threadId, null, null, null, emailFrom,
                emailTo == null ? null : List.of(emailTo), emailCc, emailBcc, replyMessageId, null,
                conversationProviderId, html, Iso.wire(EmailReplyMode.class, "emailReplyMode", emailReplyMode));
        NewMessage.Builder b = NewMessage.to(contactId, message != null ? message : HtmlText.plain(html))
                .channel(channel)
                .emailOptions(new EmailOptions(subject, null, details.equals(EmailDetails.NONE) ? null : details))
                .links(MessageLinks.NONE.withTemplateId(templateId))
                .consentCategoryId(customSubtypeId)
                .files(Attachments.files(attachments))
                .sendAt(scheduledTimestamp == null ? null : Instant.ofEpochSecond(scheduledTimestamp));
        delivered.filter(DeliveryChannel::reachesCustomers).ifPresent(c -> b.send(c, true));
        if (fromNumber != null || toNumber != null) {
            b.smsOptions(SmsOptions.NONE.withNumbers(fromNumber, toNumber));
        }
        if (appointmentId != null) {
            b.appointment(new AppointmentRef(appointmentId, false, null));
        }
        return b.build();
    }

    /** The send body of a domain request: the fields the domain keeps, the rest null. */
    public static SendMessageBodyDto from(NewMessage r) {
        EmailDetails e = r.emailOptions().details() != null ? r.emailOptions().details() : EmailDetails.NONE;
        MessageChannel channel = r.channel() != null ? r.channel()
                : r.requestedSends().stream().findFirst().flatMap(MessageChannel::primaryOf).orElse(null);
        return new SendMessageBodyDto(LeadConnectorChannel.word(channel), null, r.customerId(),
                r.appointment().appointmentId(), Attachments.urls(r.files()),
                e.from(), Iso.orNull(e.cc()), Iso.orNull(e.bcc()), e.html(), r.text(), r.emailOptions().subject(),
                e.replyToMessageId(), r.links().templateId(), e.threadId(),
                r.sendAt() == null ? null : r.sendAt().getEpochSecond(), e.conversationProviderId(),
                e.to().isEmpty() ? null : e.to().get(0), r.consentCategoryId(), Iso.wire(e.replyMode()),
                r.smsOptions().fromNumber(), r.smsOptions().toNumber(), null, null, null, null);
    }
}
