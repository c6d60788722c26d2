package dev.messaging.message;

import dev.messaging.common.WireValue;

/** The appointment event a message is about. */
public enum AppointmentEvent implements WireValue {
    RESCHEDULED("Rescheduled"),
    SCHEDULED("Scheduled"),
    REMINDER("Reminder"),
    CONFIRM("Confirm"),
    CANCELED("Canceled"),
    ACKNOWLEDGEMENT("Acknowledgement");

    private final String wire;

    AppointmentEvent(String wire) {
        this.wire = wire;
    }

    @Override
    public String wireValue() {
        return wire;
    }

    /** Parses the exact wire value; anything else is a validation error on {@code appointmentEvent}. */
    public static AppointmentEvent fromWire(String value) {
        return WireValue.parse(AppointmentEvent.class, "appointmentEvent", value);
    }
}
