package dev.messaging.message;

import dev.messaging.common.WireValue;

/** How a phone call ended, in LeadConnector's words ({@code CallDataDTO.status}, {@code MessageMeta.callStatus}). */
public enum CallStatus implements WireValue {
    PENDING("pending"),
    COMPLETED("completed"),
    ANSWERED("answered"),
    BUSY("busy"),
    NO_ANSWER("no-answer"),
    FAILED("failed"),
    CANCELED("canceled"),
    VOICEMAIL("voicemail");

    private final String wire;

    CallStatus(String wire) {
        this.wire = wire;
    }

    @Override
    public String wireValue() {
        return wire;
    }

    /** Parses the exact wire value; anything else is a validation error on {@code call.status}. */
    public static CallStatus fromWire(String value) {
        return WireValue.parse(CallStatus.class, "call.status", value);
    }
}
