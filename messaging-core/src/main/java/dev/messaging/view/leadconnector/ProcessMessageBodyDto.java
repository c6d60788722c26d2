package dev.messaging.view.leadconnector;

import dev.messaging.error.ValidationException;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.EmailOptions;
import dev.messaging.message.NewMessage;
import java.util.List;

/**
 * LeadConnector ProcessMessageBodyDto ({@code POST /conversations/messages/inbound}): a message a
 * custom provider received from a customer. {@link #toNewMessage()} is the domain request, for
 * {@code messages().create} by the customer: {@code type} is the message type
 * ({@link LeadConnectorChannel}); {@code altId}, the provider's id, is the {@code clientMessageId},
 * so a provider that calls twice adds the message once; {@code emailMessageId} the email's id;
 * {@code message} the text ({@code html} as plain text when only HTML is given); {@code call} the
 * customer's call, which makes the message a call log. {@code date} and {@code direction} are
 * parsed and rendered, not sent on: the store's clock dates a message, its author its direction.
 */
public record ProcessMessageBodyDto(
        String type,
        List<String> attachments,
        String message,
        String conversationId,
        String contactId,
        String conversationProviderId,
        String html,
        String subject,
        String emailFrom,
        String emailTo,
        List<String> emailCc,
        List<String> emailBcc,
        String emailMessageId,
        String altId,
        Object direction,
        String date,
        CallDataDto call) {

    /** The customer's message this body adds. A missing {@code type} is a validation error naming it. */
    public NewMessage toNewMessage() {
        if (type == null) {
            throw ValidationException.of("type", "is required");
        }
        EmailDetails details = new EmailDetails(altId, null, null, null, null, emailFrom,
                emailTo == null ? null : List.of(emailTo), emailCc, emailBcc, null, null, conversationProviderId,
                html, null);
        return NewMessage.to(contactId, message != null ? message : HtmlText.plain(html))
                .conversationId(conversationId)
                .clientMessageId(altId)
                .channel(LeadConnectorChannel.of(type))
                .files(Attachments.files(attachments))
                .call(call == null ? null : call.toCall())
                .emailOptions(new EmailOptions(subject, emailMessageId, details.equals(EmailDetails.NONE) ? null : details))
                .build();
    }
}
