package dev.messaging.view.leadconnector;

/**
 * LeadConnector CallDataDTO: a call's numbers and status ({@code pending}, {@code completed},
 * {@code answered}, {@code busy}, {@code no-answer}, {@code failed}, {@code canceled},
 * {@code voicemail}). Parsed and rendered; call logs are not a domain capability yet.
 */
public record CallDataDto(String to, String from, String status) {
}
