package dev.messaging.view.leadconnector;

import dev.messaging.common.WireValue;
import dev.messaging.message.DeliveryStatus;

/**
 * LeadConnector's twelve message statuses ({@code GetMessageResponseDto.status}; the status
 * callback {@code PUT /conversations/messages/{id}/status} takes the same words), each the wire
 * word of one domain {@link DeliveryStatus}. The domain's two states LeadConnector has no word for
 * are shown as the nearest: Unknown as {@code pending} (not yet known to have been sent), Canceled
 * as {@code failed} (it will not be sent).
 */
public enum LeadConnectorStatus implements WireValue {
    PENDING("pending", DeliveryStatus.PENDING),
    SCHEDULED("scheduled", DeliveryStatus.SCHEDULED),
    QUEUED("queued", DeliveryStatus.QUEUED),
    SENT("sent", DeliveryStatus.SENT),
    DELIVERED("delivered", DeliveryStatus.DELIVERED),
    READ("read", DeliveryStatus.READ),
    UNDELIVERED("undelivered", DeliveryStatus.UNDELIVERED),
    FAILED("failed", DeliveryStatus.ERROR),
    OPENED("opened", DeliveryStatus.OPENED),
    CLICKED("clicked", DeliveryStatus.CLICKED),
    OPT_OUT("opt_out", DeliveryStatus.OPT_OUT),
    CONNECTED("connected", DeliveryStatus.CONNECTED);

    private final String wire;
    private final DeliveryStatus domain;

    LeadConnectorStatus(String wire, DeliveryStatus domain) {
        this.wire = wire;
        this.domain = domain;
    }

    @Override
    public String wireValue() {
        return wire;
    }

    /** The domain status this word means. */
    public DeliveryStatus toDomain() {
        return domain;
    }

    /** The word for a domain status (null for null). */
    public static LeadConnectorStatus of(DeliveryStatus status) {
        if (status == null) {
            return null;
        }
        return switch (status) {
            case UNKNOWN -> PENDING;
            case CANCELED -> FAILED;
            default -> {
                for (LeadConnectorStatus s : values()) {
                    if (s.domain == status) {
                        yield s;
                    }
                }
                throw new IllegalStateException("no LeadConnector status for " + status);
            }
        };
    }

    /** Parses a LeadConnector status word; anything else is a validation error on {@code status}. */
    public static LeadConnectorStatus fromWire(String value) {
        return WireValue.parse(LeadConnectorStatus.class, "status", value);
    }
}
