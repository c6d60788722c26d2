package dev.messaging.message;

import dev.messaging.common.WireValue;

/**
 * The delivery state of an email or SMS. It only moves forward — Pending, Unknown, Sent,
 * Delivered, Read, skips allowed — and Error is final. An update that would move it back is
 * stale (providers call back out of order) and is ignored.
 */
public enum DeliveryStatus implements WireValue {
    PENDING("Pending", 0),
    SENT("Sent", 2),
    READ("Read", 4),
    ERROR("Error", 5),
    DELIVERED("Delivered", 3),
    UNKNOWN("Unknown", 1);

    private final String wire;
    private final int rank;

    DeliveryStatus(String wire, int rank) {
        this.wire = wire;
        this.rank = rank;
    }

    @Override
    public String wireValue() {
        return wire;
    }

    /**
     * Whether a message whose status is {@code this} may move to {@code next}. Error is
     * accepted from any state but Read (a read message evidently arrived) and ends the history.
     */
    public boolean canMoveTo(DeliveryStatus next) {
        if (this == ERROR || this == next) {
            return false;
        }
        if (next == ERROR) {
            return this != READ;
        }
        return next.rank > rank;
    }

    /** Parses the exact wire value; anything else is a validation error on {@code status}. */
    public static DeliveryStatus fromWire(String value) {
        return WireValue.parse(DeliveryStatus.class, "status", value);
    }
}
