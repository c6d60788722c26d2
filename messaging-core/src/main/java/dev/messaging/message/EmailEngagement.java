package dev.messaging.message;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What became of an email after it was sent, as its provider counts it (LeadConnector v3's email
 * status update): how many times it was delivered, opened, clicked, replied to, failed, accepted,
 * rejected, unsubscribed from, complained about and stored, and each recipient's status.
 */
public record EmailEngagement(int delivered, int opened, int clicked, int replied, int failed, int accepted,
        int rejected, int unsubscribed, int complained, int stored, List<RecipientStatus> recipients) {
    /** Nothing counted. */
    public static final EmailEngagement NONE = new EmailEngagement(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of());

    public EmailEngagement {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** One recipient's status, and why it failed. */
    public record RecipientStatus(String address, DeliveryStatus status, String failReason) {
    }

    /** The counters of {@code newer}, and the recipients of both: a newer status of an address replaces its older. */
    public EmailEngagement updatedBy(EmailEngagement newer) {
        Map<String, RecipientStatus> merged = new LinkedHashMap<>();
        recipients.forEach(r -> merged.put(r.address().toLowerCase(Locale.ROOT), r));
        newer.recipients.forEach(r -> merged.put(r.address().toLowerCase(Locale.ROOT), r));
        return new EmailEngagement(newer.delivered, newer.opened, newer.clicked, newer.replied, newer.failed,
                newer.accepted, newer.rejected, newer.unsubscribed, newer.complained, newer.stored,
                List.copyOf(merged.values()));
    }
}
