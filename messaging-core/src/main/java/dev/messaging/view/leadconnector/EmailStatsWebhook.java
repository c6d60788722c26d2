package dev.messaging.view.leadconnector;

import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.Message;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * LeadConnector's {@code LCEmailStats} webhook: an event of an email's delivery in the mail
 * provider's words ({@code webhookPayload}: {@code event}, {@code id}, {@code timestamp},
 * {@code recipient}, the message's headers...; upstream shows a Mailgun event, kept whole as it
 * came). The library writes one for each status an email reaches that has an event word: Sent is
 * {@code accepted}, Delivered {@code delivered}, Opened {@code opened}, Clicked {@code clicked},
 * Error and Undelivered {@code failed}, OptOut {@code unsubscribed}.
 */
public record EmailStatsWebhook(String type, String locationId, String companyId, Map<String, Object> webhookPayload) {

    /** The event word of {@code status}, if it has one. */
    static Optional<String> event(DeliveryStatus status) {
        return Optional.ofNullable(switch (status) {
            case SENT -> "accepted";
            case DELIVERED -> "delivered";
            case OPENED -> "opened";
            case CLICKED -> "clicked";
            case ERROR, UNDELIVERED -> "failed";
            case OPT_OUT -> "unsubscribed";
            default -> null;
        });
    }

    /** The webhook of {@code m}'s email reaching {@code status} at {@code at}; empty when the status has no event word. */
    public static Optional<EmailStatsWebhook> from(Message m, DeliveryStatus status, Instant at) {
        return event(status).map(event -> {
            EmailDetails e = m.emailOptions().details() != null ? m.emailOptions().details() : EmailDetails.NONE;
            String recipient = e.to().isEmpty() ? null : e.to().get(0);
            Map<String, Object> headers = new LinkedHashMap<>();
            headers.put("message-id", m.emailOptions().emailId());
            headers.put("from", e.from());
            headers.put("to", recipient);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("event", event);
            payload.put("id", m.id());
            payload.put("timestamp", at.getEpochSecond());
            payload.put("message", Map.of("attachments", List.copyOf(e.attachments()), "headers", headers));
            payload.put("recipient", recipient);
            payload.put("recipient-domain", recipient == null || !recipient.contains("@") ? null
                    : recipient.substring(recipient.indexOf('@') + 1));
            payload.put("tags", List.of("loc_" + m.locationId(), "com_" + m.companyId()));
            if (m.email().error() != null && (status == DeliveryStatus.ERROR || status == DeliveryStatus.UNDELIVERED)) {
                payload.put("delivery-status", Map.of("message", m.email().error()));
            }
            return new EmailStatsWebhook("LCEmailStats", m.locationId(), m.companyId(), payload);
        });
    }
}
