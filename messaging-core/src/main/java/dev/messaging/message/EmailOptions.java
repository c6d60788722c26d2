package dev.messaging.message;

/**
 * How a message goes out by email: the {@code subject}, the location's sending account
 * ({@code emailId}), the provider-level {@link EmailDetails} (LeadConnector), and what became of it
 * once sent ({@link EmailEngagement}: counters and each recipient's status, as the provider reports
 * them; null until one does). The body is the message's text.
 */
public record EmailOptions(String subject, String emailId, EmailDetails details, EmailEngagement engagement) {
    public static final EmailOptions NONE = new EmailOptions(null, null, null, null);

    /** Options without engagement (the fields before it was added). */
    public EmailOptions(String subject, String emailId, EmailDetails details) {
        this(subject, emailId, details, null);
    }

    /** An email with {@code subject} and no details. */
    public static EmailOptions subject(String subject) {
        return new EmailOptions(subject, null, null);
    }

    /** These options with the provider's email id. */
    public EmailOptions withEmailId(String value) {
        return new EmailOptions(subject, value, details, engagement);
    }

    /** These options with the email's details (from, to, cc, bcc, threading). */
    public EmailOptions withDetails(EmailDetails value) {
        return new EmailOptions(subject, emailId, value, engagement);
    }

    /** These options with what became of the email. */
    public EmailOptions withEngagement(EmailEngagement value) {
        return new EmailOptions(subject, emailId, details, value);
    }
}
