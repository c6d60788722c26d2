package dev.messaging.view.leadconnector;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.error.ValidationException;
import dev.messaging.thread.ThreadMetadata;

/**
 * LeadConnector UpdateConversationDto: {@code unreadCount} 0 marks the user's thread read, 1 unread
 * (anything else is a validation error); {@code starred} sets the user's important flag;
 * {@code feedback} is accepted and has no place in the domain: v2 declares it an object, v3 the
 * string {@code positive} or {@code negative}, so it is any JSON value here.
 */
public record UpdateConversationDto(String locationId, Integer unreadCount, Boolean starred, Object feedback) {

    /** Applies the update to the acting user's thread of the conversation; returns the thread. */
    public ThreadMetadata apply(Messaging messaging, Actor actor, String conversationId) {
        if (locationId != null && !locationId.equals(actor.tenant().locationId())) {
            throw ValidationException.of("locationId", "is not the caller's location");
        }
        String thread = messaging.threads().threadId(actor, conversationId);
        ThreadMetadata result = messaging.threads().find(actor, thread);
        if (unreadCount != null) {
            result = messaging.threads().setUnreadCount(actor, thread, unreadCount);
        }
        if (starred != null) {
            result = messaging.threads().setImportant(actor, thread, starred);
        }
        return result;
    }
}
