package dev.messaging.view.leadconnector;

/** LeadConnector (v3) UpdateEmailMessageStatusResponseDto: the answer to an email status update. */
public record UpdateEmailMessageStatusResponseDto(Boolean success, String message) {

    /** The answer to an update that was recorded (or ignored as stale, which is not an error). */
    public static UpdateEmailMessageStatusResponseDto updated() {
        return new UpdateEmailMessageStatusResponseDto(true, "Updated email message successfully");
    }
}
