package dev.messaging.view.leadconnector;

/** LeadConnector GetConversationSuccessfulResponse. */
public record GetConversationSuccessfulResponse(Boolean success, ConversationDto conversation) {
}
