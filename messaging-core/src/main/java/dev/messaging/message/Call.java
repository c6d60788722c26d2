package dev.messaging.message;

/**
 * The phone call a call-log message records (LeadConnector's call messages): how it ended, how long
 * it lasted in seconds, and the numbers it was from and to. Its direction is the message's: a
 * customer's call is inbound, a user's outbound. A message with a call is a call log: it is not
 * sent, its type is a call type ({@code TYPE_CALL} unless the request names another), and its text
 * may be left out (the rules then write one, e.g. "Call completed (2:05)").
 */
public record Call(CallStatus status, Integer durationSeconds, String from, String to) {
    /** No call: what every other message has. */
    public static final Call NONE = new Call(null, null, null, null);

    /** Whether there is a call (any field set); not {@code isCall}, which JSON mappers would write as a field. */
    public boolean exists() {
        return !equals(NONE);
    }

    /** The text a call log shows when its request has none: the status and the duration that are known. */
    public String summary() {
        StringBuilder text = new StringBuilder("Call");
        if (status != null) {
            text.append(' ').append(status.wireValue());
        }
        if (durationSeconds != null) {
            text.append(" (").append(durationSeconds / 60).append(':')
                    .append(String.format("%02d", durationSeconds % 60)).append(')');
        }
        return text.toString();
    }
}
