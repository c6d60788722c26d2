package dev.messaging.message;

/**
 * How a message goes out by email: the {@code subject}, the location's sending account
 * ({@code emailId}) and the provider-level {@link EmailDetails} (LeadConnector). The body is the
 * message's text.
 */
public record EmailOptions(String subject, String emailId, EmailDetails details) {
    public static final EmailOptions NONE = new EmailOptions(null, null, null);

    /** An email with {@code subject} and no details. */
    public static EmailOptions subject(String subject) {
        return new EmailOptions(subject, null, null);
    }

    /** These options with the provider's email id. */
    public EmailOptions withEmailId(String value) {
        return new EmailOptions(subject, value, details);
    }

    /** These options with the email's details (from, to, cc, bcc, threading). */
    public EmailOptions withDetails(EmailDetails value) {
        return new EmailOptions(subject, emailId, value);
    }
}
