package dev.messaging.conversation;

import java.util.Objects;

/** Filters conversations by {@code assignedTo}: to one user, or unassigned. */
public record AssigneeFilter(String userId) {

    /** Conversations with no one assigned. */
    public static AssigneeFilter unassigned() {
        return new AssigneeFilter(null);
    }

    /** Conversations assigned to {@code userId}. */
    public static AssigneeFilter user(String userId) {
        return new AssigneeFilter(Objects.requireNonNull(userId, "userId"));
    }

    /** Whether a conversation assigned to {@code assignedTo} (null: unassigned) passes. */
    public boolean matches(String assignedTo) {
        return Objects.equals(userId, assignedTo);
    }

    /** Whether it asks for unassigned conversations. */
    public boolean isUnassigned() {
        return userId == null;
    }
}
