package dev.messaging.view.leadconnector;

import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryUpdate;
import dev.messaging.message.EmailEngagement;
import dev.messaging.view.Iso;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * LeadConnector (v3) UpdateEmailMessageStatusDto: an email's status ({@link #toUpdate}), its
 * engagement counters and each recipient's status ({@link #toEngagement}).
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

    /**
     * The engagement for {@code messages().recordEmailEngagement}: the counters (0 where not given)
     * and each recipient's status in the domain's words. An unknown recipient status is a validation
     * error on {@code recipients[i].status}.
     */
    public EmailEngagement toEngagement() {
        EmailEventsDto e = events != null ? events : new EmailEventsDto(null, null, null, null, null, null, null, null,
                null, null);
        List<EmailEngagement.RecipientStatus> statuses = new ArrayList<>();
        for (int i = 0; recipients != null && i < recipients.size(); i++) {
            UpdateRecipientMessageStatusDto r = recipients.get(i);
            LeadConnectorStatus status = Iso.wire(LeadConnectorStatus.class, "recipients[" + i + "].status", r.status());
            statuses.add(new EmailEngagement.RecipientStatus(r.emailId(), status == null ? null : status.toDomain(),
                    r.failReason()));
        }
        return new EmailEngagement(n(e.delivered()), n(e.opened()), n(e.clicked()), n(e.replied()), n(e.failed()),
                n(e.accepted()), n(e.rejected()), n(e.unsubscribed()), n(e.complained()), n(e.stored()), statuses);
    }

    private static int n(Integer value) {
        return value == null ? 0 : value;
    }
}
