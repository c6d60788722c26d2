/**
 * Email over SMTP for {@code dev.messaging.core}: {@link dev.messaging.mail.MailSender} sends the
 * EMAIL channel's deliveries, {@link dev.messaging.mail.MailInbox} takes received mail back into
 * conversations. Jakarta Mail with Eclipse Angus Mail as its implementation.
 */
module dev.messaging.mail {
    requires transitive dev.messaging.core;
    requires transitive jakarta.mail;
    requires org.eclipse.angus.mail;

    exports dev.messaging.mail;
}
