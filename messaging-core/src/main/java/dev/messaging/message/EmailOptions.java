package dev.messaging.message;

/**
 * How a message goes out by email: the {@code subject}, the location's sending account
 * ({@code emailId}) and the provider-level {@link EmailDetails} (LeadConnector). The body is the
 * message's text.
 */
public record EmailOptions(String subject, String emailId, EmailDetails details) {
    public static final EmailOptions NONE = new EmailOptions(null, null, null);

    public static EmailOptions subject(String subject) {
        return new EmailOptions(subject, null, null);
    }

    public EmailOptions withEmailId(String value) {
        return new EmailOptions(subject, value, details);
    }

    public EmailOptions withDetails(EmailDetails value) {
        return new EmailOptions(subject, emailId, value);
    }
}
