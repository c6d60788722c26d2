package dev.messaging.provider;

import dev.messaging.message.DeliveryStatus;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Providers' delivery statuses as the outbox's, for {@code deliveries().reportFromProvider}: Twilio's
 * message statuses (with its opt-out error codes), SendGrid's event webhook events, Mailgun's events.
 * Empty for what says nothing about an outgoing delivery (inbound, a resubscribe, a temporary
 * failure the provider retries itself). Case does not matter.
 */
public final class ProviderStatuses {
    /** Twilio's error codes of a recipient who opted out (21610: "unsubscribed recipient"). */
    public static final Set<String> TWILIO_OPT_OUT_CODES = Set.of("21610");

    private static final Map<String, DeliveryStatus> TWILIO = Map.ofEntries(
            Map.entry("accepted", DeliveryStatus.QUEUED), Map.entry("scheduled", DeliveryStatus.QUEUED),
            Map.entry("queued", DeliveryStatus.QUEUED), Map.entry("sending", DeliveryStatus.QUEUED),
            Map.entry("sent", DeliveryStatus.SENT), Map.entry("delivered", DeliveryStatus.DELIVERED),
            Map.entry("partially_delivered", DeliveryStatus.DELIVERED), Map.entry("read", DeliveryStatus.READ),
            Map.entry("undelivered", DeliveryStatus.UNDELIVERED), Map.entry("failed", DeliveryStatus.ERROR),
            Map.entry("canceled", DeliveryStatus.CANCELED));
    private static final Map<String, DeliveryStatus> SENDGRID = Map.ofEntries(
            Map.entry("processed", DeliveryStatus.QUEUED), Map.entry("deferred", DeliveryStatus.QUEUED),
            Map.entry("delivered", DeliveryStatus.DELIVERED), Map.entry("open", DeliveryStatus.OPENED),
            Map.entry("click", DeliveryStatus.CLICKED), Map.entry("bounce", DeliveryStatus.UNDELIVERED),
            Map.entry("dropped", DeliveryStatus.ERROR), Map.entry("spamreport", DeliveryStatus.OPT_OUT),
            Map.entry("unsubscribe", DeliveryStatus.OPT_OUT), Map.entry("group_unsubscribe", DeliveryStatus.OPT_OUT));
    private static final Map<String, DeliveryStatus> MAILGUN = Map.ofEntries(
            Map.entry("accepted", DeliveryStatus.QUEUED), Map.entry("delivered", DeliveryStatus.DELIVERED),
            Map.entry("opened", DeliveryStatus.OPENED), Map.entry("clicked", DeliveryStatus.CLICKED),
            Map.entry("unsubscribed", DeliveryStatus.OPT_OUT), Map.entry("complained", DeliveryStatus.OPT_OUT),
            Map.entry("rejected", DeliveryStatus.ERROR));

    private ProviderStatuses() {
    }

    /** Twilio's {@code MessageStatus}; an opt-out {@code ErrorCode} on a failure makes it OptOut. */
    public static Optional<DeliveryStatus> twilio(String messageStatus, String errorCode) {
        Optional<DeliveryStatus> status = of(TWILIO, messageStatus);
        boolean failure = status.filter(s -> s == DeliveryStatus.ERROR || s == DeliveryStatus.UNDELIVERED).isPresent();
        return failure && errorCode != null && TWILIO_OPT_OUT_CODES.contains(errorCode.strip())
                ? Optional.of(DeliveryStatus.OPT_OUT) : status;
    }

    /** A SendGrid event webhook {@code event}. */
    public static Optional<DeliveryStatus> sendGrid(String event) {
        return of(SENDGRID, event);
    }

    /** A Mailgun {@code event}; a {@code failed} one is Undelivered when its {@code severity} is permanent. */
    public static Optional<DeliveryStatus> mailgun(String event, String severity) {
        if (event != null && event.strip().equalsIgnoreCase("failed")) {
            return "permanent".equalsIgnoreCase(severity == null ? null : severity.strip())
                    ? Optional.of(DeliveryStatus.UNDELIVERED) : Optional.empty();
        }
        return of(MAILGUN, event);
    }

    private static Optional<DeliveryStatus> of(Map<String, DeliveryStatus> statuses, String value) {
        return value == null ? Optional.empty()
                : Optional.ofNullable(statuses.get(value.strip().toLowerCase(Locale.ROOT)));
    }
}
