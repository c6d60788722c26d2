package dev.messaging.message;

import java.util.ArrayList;
import java.util.List;

/**
 * One channel's send of a message (its email or its SMS): whether the author asked for it
 * ({@code requested}, the reference's {@code sendEmail}/{@code sendSms}; null when a customer
 * wrote the message), the delivery status reached, the last error, and every status it went
 * through. The status moves only forward (see {@link DeliveryStatus}).
 */
public record Send(Boolean requested, DeliveryStatus status, String error, List<SendStep> history) {
    /** No send: what a customer's message has (requested is null). */
    public static final Send NONE = new Send(null, null, null, List.of());

    public Send {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** What a user's or the system's message starts with: Pending when asked for, else nothing. */
    public static Send requested(boolean requested) {
        return new Send(requested, requested ? DeliveryStatus.PENDING : null, null, List.of());
    }

    /** Whether the author asked for this send. */
    public boolean isRequested() {
        return Boolean.TRUE.equals(requested);
    }

    /** This send after {@code step}: its status and error become the send's, and it joins the history. */
    public Send after(SendStep step) {
        List<SendStep> all = new ArrayList<>(history);
        all.add(step);
        return new Send(requested, step.status(), step.error(), all);
    }
}
