package dev.messaging.kernel;

import dev.messaging.common.Actor;
import dev.messaging.error.ForbiddenException;

/** The who-may-do-what checks, each failing with a {@link ForbiddenException} before anything is read or written. */
public final class Access {
    private Access() {
    }

    /** Only a staff user may do {@code action}. */
    public static void requireUser(Actor actor, String action) {
        if (!actor.isUser()) {
            throw new ForbiddenException("only a user may " + action + "; actor is " + actor.kind());
        }
    }

    /** Only the system may do {@code action}. */
    public static void requireSystem(Actor actor, String action) {
        if (!actor.isSystem()) {
            throw new ForbiddenException("only the system may " + action + "; actor is " + actor.kind());
        }
    }

    /** A staff user or the system, not a customer, may do {@code action}. */
    public static void requireUserOrSystem(Actor actor, String action) {
        if (actor.isCustomer()) {
            throw new ForbiddenException("a customer may not " + action);
        }
    }

    /** A customer may touch only its own conversation. */
    public static void requireOwnConversation(Actor actor, String conversationCustomerId) {
        if (actor.isCustomer() && !actor.customerId().equals(conversationCustomerId)) {
            throw new ForbiddenException("a customer may act only in its own conversation");
        }
    }
}
