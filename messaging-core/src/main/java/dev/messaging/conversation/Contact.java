package dev.messaging.conversation;

/**
 * The service's snapshot of the customer a conversation is with. The service owns its
 * customers; it pushes this snapshot when it creates or updates a conversation.
 */
public record Contact(
        String customerType,
        String firstName,
        String lastName,
        String companyName,
        String email,
        String phone,
        String languageCode) {

    /** First and last name joined, or null when both are missing (LeadConnector {@code fullName}). */
    public String fullName() {
        String joined = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return joined.isEmpty() ? null : joined;
    }
}
