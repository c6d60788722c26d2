package dev.messaging.view.leadconnector;

import dev.messaging.message.EmailDetails;
import dev.messaging.message.Message;
import dev.messaging.view.Iso;
import java.util.List;

/**
 * LeadConnector GetEmailMessageResponseDto: an email message. {@code status} is the email's delivery
 * status as LeadConnector words it ({@link LeadConnectorStatus}; the reference shows "pending");
 * an empty address or attachment list is null, as upstream leaves it out.
 */
public record GetEmailMessageResponseDto(
        String id,
        String altId,
        String threadId,
        String locationId,
        String contactId,
        String conversationId,
        String dateAdded,
        String subject,
        String body,
        String direction,
        String status,
        String contentType,
        List<String> attachments,
        String provider,
        String from,
        List<String> to,
        List<String> cc,
        List<String> bcc,
        String replyToMessageId,
        String source,
        String conversationProviderId) {

    /** The email message {@code m} as LeadConnector returns it. */
    public static GetEmailMessageResponseDto from(Message m) {
        EmailDetails e = m.emailOptions().details() != null ? m.emailOptions().details() : EmailDetails.NONE;
        return new GetEmailMessageResponseDto(m.id(), e.altId(), e.threadId(), m.locationId(), m.customerId(),
                m.conversationId(), Iso.date(m.createdDate()), m.emailOptions().subject(), m.text(), Iso.wire(m.direction()),
                Iso.wire(LeadConnectorStatus.of(m.email().status())),
                e.contentType(), Iso.orNull(e.attachments()), e.provider(), e.from(), Iso.orNull(e.to()),
                Iso.orNull(e.cc()), Iso.orNull(e.bcc()), e.replyToMessageId(),
                e.source(), e.conversationProviderId());
    }
}
