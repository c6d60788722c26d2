package dev.messaging.view.leadconnector;

/** LeadConnector CreateConversationSuccessResponse. */
public record CreateConversationSuccessResponse(Boolean success, ConversationCreateResponseDto conversation) {
}
