package dev.messaging.view.leadconnector;

import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.Direction;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.Message;
import dev.messaging.message.MessageChannel;
import dev.messaging.view.Iso;
import java.util.List;

/**
 * LeadConnector's {@code InboundMessage} and {@code OutboundMessage} webhooks (a customer's message
 * to the location, a user's or the system's to the customer), in one shape: {@code type} says
 * which. The email fields are set for an email, the call fields for a call log. {@code messageType}
 * is the short channel word ({@link LeadConnectorChannel}; a call is {@code "CALL"}, as upstream's
 * examples write it); {@code status} the send's status word, or for a call its call status.
 */
public record MessageWebhook(
        String type,
        String locationId,
        List<String> attachments,
        String body,
        String contactId,
        String contentType,
        String conversationId,
        String dateAdded,
        String direction,
        String messageType,
        String status,
        String messageId,
        String userId,
        String source,
        String conversationProviderId,
        Object callDuration,
        String callStatus,
        String emailMessageId,
        String from,
        String threadId,
        String subject,
        List<String> to,
        List<String> cc,
        List<String> bcc,
        String provider) {

    /** The webhook of message {@code m}: {@code InboundMessage} when a customer wrote it, else {@code OutboundMessage}. */
    public static MessageWebhook from(Message m) {
        boolean inbound = m.direction() == Direction.INBOUND;
        boolean email = m.channel() != null && m.channel().deliveryChannel()
                .filter(c -> c == DeliveryChannel.EMAIL).isPresent();
        EmailDetails e = m.emailOptions().details() != null ? m.emailOptions().details() : EmailDetails.NONE;
        String word = MessageChannel.TYPE_CALL.equals(m.channel()) ? "CALL" : LeadConnectorChannel.word(m.channel());
        String status = m.call().exists() ? Iso.wire(m.call().status()) : GetMessageResponseDto.status(m);
        return new MessageWebhook(inbound ? "InboundMessage" : "OutboundMessage", m.locationId(),
                Attachments.urls(m.files()), email && e.html() != null ? e.html() : m.text(), m.customerId(),
                email ? null : "text/plain", m.conversationId(), Iso.date(m.createdDate()), Iso.wire(m.direction()),
                word, status, m.id(), m.userId(), e.source(), e.conversationProviderId(),
                m.call().durationSeconds(), Iso.wire(m.call().status()),
                email ? m.emailOptions().emailId() : null, email ? e.from() : null, email ? e.threadId() : null,
                email ? m.emailOptions().subject() : null, email ? Iso.orNull(e.to()) : null,
                email ? Iso.orNull(e.cc()) : null, email ? Iso.orNull(e.bcc()) : null, email ? e.provider() : null);
    }
}
