package dev.messaging.view.shopmonkey;

import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.Send;

/**
 * Shopmonkey's six delivery statuses (Pending, Sent, Read, Error, Delivered, Unknown), unchanged on
 * the wire: the domain's other states are shown as the nearest of them — Scheduled and Queued as
 * Pending (not sent yet), Connected as Delivered, Opened and Clicked as Read, Undelivered, OptOut
 * and Canceled as Error with the reason in the error field (never sent, or not arrived).
 */
final class ShopmonkeyStatus {
    private ShopmonkeyStatus() {
    }

    static String of(DeliveryStatus status) {
        if (status == null) {
            return null;
        }
        return (switch (status) {
            case PENDING, SCHEDULED, QUEUED -> DeliveryStatus.PENDING;
            case DELIVERED, CONNECTED -> DeliveryStatus.DELIVERED;
            case READ, OPENED, CLICKED -> DeliveryStatus.READ;
            case ERROR, UNDELIVERED, OPT_OUT, CANCELED -> DeliveryStatus.ERROR;
            case SENT, UNKNOWN -> status;
        }).wireValue();
    }

    /** The error to show: the send's own, or the state Error stands for when it has none. */
    static String error(Send send) {
        if (send.error() != null || send.status() == null) {
            return send.error();
        }
        return switch (send.status()) {
            case UNDELIVERED -> "undelivered";
            case OPT_OUT -> "the customer unsubscribed";
            case CANCELED -> "canceled";
            default -> null;
        };
    }
}
