package dev.messaging.mail;

/**
 * How much of a received email is read: its size in bytes, how deep its multiparts may nest, how
 * many parts it may have, how large one attachment may be, and how long the text kept in the
 * message may be (a longer reply is cut, and ends with "…"). Beyond a limit the email is refused
 * with a {@link MalformedMailException} naming it.
 */
public record MailLimits(int maxBytes, int maxDepth, int maxParts, int maxAttachmentBytes, int maxTextLength) {

    /** 25 MiB, 10 levels, 100 parts, 10 MiB an attachment, 10,000 characters of text. */
    public static final MailLimits DEFAULT = new MailLimits(25 * 1024 * 1024, 10, 100, 10 * 1024 * 1024, 10_000);
}
