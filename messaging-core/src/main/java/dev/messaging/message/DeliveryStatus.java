package dev.messaging.message;

import dev.messaging.common.WireValue;

/**
 * The delivery state of one send of a message (its email, its SMS) and of a staff notification.
 * It only moves forward — Scheduled, Pending, Queued or Unknown, Sent, Delivered or Connected (a
 * call), Read, Opened (an email), Clicked (a link in it), skips allowed — and the final states end
 * it: Error (failed for good), Undelivered (the provider gave up), OptOut (the customer
 * unsubscribed from the channel: never sent), Canceled (a scheduled send its author canceled). A
 * report that would move it back is stale (providers call back out of order) and is ignored.
 * Shopmonkey's six wire values are the first six, and LeadConnector's twelve statuses each have
 * one here; the views map between them.
 */
public enum DeliveryStatus implements WireValue {
    PENDING("Pending", 1, false),
    SENT("Sent", 3, false),
    READ("Read", 5, false),
    ERROR("Error", 9, true),
    DELIVERED("Delivered", 4, false),
    UNKNOWN("Unknown", 2, false),
    SCHEDULED("Scheduled", 0, false),
    QUEUED("Queued", 2, false),
    UNDELIVERED("Undelivered", 9, true),
    OPT_OUT("OptOut", 9, true),
    CANCELED("Canceled", 9, true),
    CONNECTED("Connected", 4, false),
    OPENED("Opened", 6, false),
    CLICKED("Clicked", 7, false);

    private final String wire;
    private final int rank;
    private final boolean last;

    DeliveryStatus(String wire, int rank, boolean last) {
        this.wire = wire;
        this.rank = rank;
        this.last = last;
    }

    @Override
    public String wireValue() {
        return wire;
    }

    /** Whether nothing follows this state (a final state). */
    public boolean isFinal() {
        return last;
    }

    /**
     * Whether a send whose status is {@code this} may move to {@code next}: forward only; a final
     * state is accepted from any state before Read (a read, opened or clicked message evidently
     * arrived) and ends it.
     */
    public boolean canMoveTo(DeliveryStatus next) {
        if (last || this == next) {
            return false;
        }
        if (next.last) {
            return rank < READ.rank;
        }
        return next.rank > rank;
    }

    /** Parses the exact wire value; anything else is a validation error on {@code status}. */
    public static DeliveryStatus fromWire(String value) {
        return WireValue.parse(DeliveryStatus.class, "status", value);
    }
}
