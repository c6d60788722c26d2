package dev.messaging.mail;

import java.util.Objects;

/**
 * Whom a location's email comes from: {@code from}, and {@code replyTo} where replies go when it is
 * not the From address (null: to From). The sender's domain names the Message-IDs it writes.
 */
public record MailIdentity(Mailbox from, Mailbox replyTo) {
    public MailIdentity {
        Objects.requireNonNull(from, "from");
    }

    /** Mail from {@code from}, replies to it. */
    public static MailIdentity of(Mailbox from) {
        return new MailIdentity(from, null);
    }
}
