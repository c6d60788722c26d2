package dev.messaging.view.leadconnector;

/**
 * LeadConnector CancelScheduledResponseDto: the answer to canceling a scheduled message, an HTTP
 * status and a message.
 */
public record CancelScheduledResponseDto(Integer status, String message) {

    /** The answer to a cancel that succeeded. */
    public static CancelScheduledResponseDto canceled() {
        return new CancelScheduledResponseDto(200, "Scheduled message canceled");
    }
}
