package dev.messaging.view.leadconnector;

import dev.messaging.message.Call;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.Message;
import dev.messaging.message.MessageChannel;
import dev.messaging.message.Send;
import dev.messaging.view.Iso;
import java.util.List;
import java.util.Map;

/**
 * LeadConnector GetMessageResponseDto: a message of any channel. {@code messageType} is a
 * {@code TYPE_*} word (parsed, a short word such as upstream's example {@code "SMS"} is accepted
 * too: {@link LeadConnectorChannel}); {@code type} is its number — upstream publishes no table, so
 * the library writes the type's 1-based position in upstream's {@code messageType} list (and 0 for a
 * type it does not know). {@code status} is the message's send on its channel in LeadConnector's
 * words (the email's when it was sent by email, else the SMS's); {@code meta} the call of a call log
 * (its duration in seconds, its status) and the email's provider ids.
 */
public record GetMessageResponseDto(
        String id,
        Integer type,
        String messageType,
        String locationId,
        String contactId,
        String conversationId,
        String dateAdded,
        String body,
        String direction,
        String status,
        String contentType,
        List<String> attachments,
        MessageMeta meta,
        String source,
        String userId,
        String conversationProviderId,
        String chatWidgetId) {

    /** The message {@code m} as LeadConnector returns it. */
    public static GetMessageResponseDto from(Message m) {
        EmailDetails e = m.emailOptions().details() != null ? m.emailOptions().details() : EmailDetails.NONE;
        String emailId = m.emailOptions().emailId();
        Call call = m.call();
        MessageMeta meta = emailId == null && !call.exists() ? null : new MessageMeta(call.durationSeconds(),
                Iso.wire(call.status()), emailId == null ? null : Map.of("messageIds", List.of(emailId)));
        return new GetMessageResponseDto(m.id(), number(m.channel()), LeadConnectorMessageType.of(m.channel()),
                m.locationId(), m.customerId(), m.conversationId(), Iso.date(m.createdDate()), m.text(),
                Iso.wire(m.direction()), status(m), e.contentType() != null ? e.contentType() : "text/plain",
                Attachments.urls(m.files()), meta, e.source(), m.userId(),
                e.conversationProviderId(), null);
    }

    /** The LeadConnector word of {@code m}'s send: its email's when requested, else its SMS's; null for none. */
    static String status(Message m) {
        Send send = m.email().isRequested() ? m.email() : m.sms();
        return Iso.wire(LeadConnectorStatus.of(send.status()));
    }

    private static int number(MessageChannel channel) {
        if (channel == null) {
            return 0;
        }
        MessageChannel shown = LeadConnectorChannel.of(LeadConnectorMessageType.of(channel));
        int position = MessageChannel.values().indexOf(shown);
        return position < 0 ? 0 : position + 1;
    }
}
