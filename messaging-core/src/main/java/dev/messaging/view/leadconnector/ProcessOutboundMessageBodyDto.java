package dev.messaging.view.leadconnector;

import java.util.List;

/**
 * LeadConnector ProcessOutboundMessageBodyDto: an outbound call log a custom provider adds
 * ({@code type} {@code "Call"}, the call's data, the provider's {@code altId}). Parsed and rendered;
 * call logs are not a domain capability yet.
 */
public record ProcessOutboundMessageBodyDto(String type, List<String> attachments, String conversationId,
        String conversationProviderId, String altId, String date, CallDataDto call) {
}
