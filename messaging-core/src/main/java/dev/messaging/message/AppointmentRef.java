package dev.messaging.message;

/**
 * The service's appointment a message is about, and whether it asks the customer to confirm it
 * ({@code requestConfirmation}, the reference's {@code requestAppointmentConfirmation}) on an
 * {@code event}. A confirmation request needs the appointment id and the event.
 */
public record AppointmentRef(String appointmentId, boolean requestConfirmation, AppointmentEvent event) {
    public static final AppointmentRef NONE = new AppointmentRef(null, false, null);

    /** A message about {@code appointmentId}'s {@code event}, asking for no confirmation. */
    public static AppointmentRef of(String appointmentId, AppointmentEvent event) {
        return new AppointmentRef(appointmentId, false, event);
    }

    /** Asks the customer to confirm the appointment's {@code event}. */
    public static AppointmentRef confirm(String appointmentId, AppointmentEvent event) {
        return new AppointmentRef(appointmentId, true, event);
    }
}
