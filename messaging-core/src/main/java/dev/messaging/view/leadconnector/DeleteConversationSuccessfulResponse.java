package dev.messaging.view.leadconnector;

/** LeadConnector DeleteConversationSuccessfulResponse. */
public record DeleteConversationSuccessfulResponse(Boolean success) {
}
