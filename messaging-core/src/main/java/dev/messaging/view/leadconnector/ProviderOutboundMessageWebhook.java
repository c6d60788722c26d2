package dev.messaging.view.leadconnector;

import dev.messaging.conversation.Contact;
import dev.messaging.message.AddressKind;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.Message;
import dev.messaging.message.MessageChannel;
import java.util.List;

/**
 * LeadConnector's {@code ProviderOutboundMessage} webhook: what a custom conversation provider is
 * asked to send — an SMS ({@code phone}, {@code message}) or an email ({@code emailTo},
 * {@code emailFrom}, {@code subject}, {@code html}). {@code emailTo} is declared a string and shown
 * as a list upstream: either is kept as it came; the library writes a list. A service's
 * {@code Sender} for a custom provider posts this body.
 */
public record ProviderOutboundMessageWebhook(String contactId, String locationId, String messageId,
        String emailMessageId, String type, List<String> attachments, String message, String phone, Object emailTo,
        String emailFrom, String html, String subject, String userId) {

    /**
     * The body asking a provider to send {@code m} on {@code channel} to {@code contact}: the
     * message's own numbers and addresses first ({@code toNumber}, the email's {@code to}), else
     * the contact's.
     */
    public static ProviderOutboundMessageWebhook from(Message m, DeliveryChannel channel, Contact contact) {
        boolean email = channel == DeliveryChannel.EMAIL;
        EmailDetails e = m.emailOptions().details() != null ? m.emailOptions().details() : EmailDetails.NONE;
        String phone = m.smsOptions().toNumber() != null ? m.smsOptions().toNumber()
                : contact == null ? null : contact.phone();
        List<String> to = !e.to().isEmpty() ? e.to()
                : contact == null || contact.email() == null ? List.of() : List.of(contact.email());
        return new ProviderOutboundMessageWebhook(m.customerId(), m.locationId(), m.id(),
                email ? m.emailOptions().emailId() : null,
                LeadConnectorChannel.word(MessageChannel.primaryOf(channel).orElse(null)), Attachments.urls(m.files()),
                email ? null : m.text(), channel.address() == AddressKind.PHONE ? phone : null, email ? to : null,
                email ? e.from() : null,
                email ? (e.html() != null ? e.html() : m.text()) : null, email ? m.emailOptions().subject() : null,
                m.userId());
    }
}
