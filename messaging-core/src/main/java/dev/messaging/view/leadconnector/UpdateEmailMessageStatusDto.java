package dev.messaging.view.leadconnector;

import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryUpdate;
import dev.messaging.view.Iso;
import java.util.List;
import java.util.stream.Collectors;

/**
 * LeadConnector (v3) UpdateEmailMessageStatusDto: an email's status, its engagement counters and
 * each recipient's status.
 */
public record UpdateEmailMessageStatusDto(EmailEventsDto events, List<UpdateRecipientMessageStatusDto> recipients,
        String status) {

    /**
     * The report on the message's email for {@code messages().updateDelivery}: the status in the
     * domain's words; the failed recipients' reasons, when any, as the error ("a@x: Mailbox not
     * found; ..."). An unknown status is a validation error on {@code status}.
     */
    public DeliveryUpdate toUpdate() {
        LeadConnectorStatus word = Iso.wire(LeadConnectorStatus.class, "status", status);
        String failures = recipients == null ? "" : recipients.stream()
                .filter(r -> r.failReason() != null)
                .map(r -> r.emailId() + ": " + r.failReason())
                .collect(Collectors.joining("; "));
        return new DeliveryUpdate(DeliveryChannel.EMAIL, word == null ? null : word.toDomain(),
                failures.isEmpty() ? null : failures);
    }
}
