package dev.messaging.common;

/**
 * How large what a caller writes may be, the same on every store; a value past a limit is a
 * {@code ValidationException} naming the field and the limit, and nothing is written. Set with
 * {@code Messaging.Builder.limits}; {@link #defaults()} are what a shop or a sales team sends
 * (a long email's text, a few dozen metadata keys) with room to spare, and keep a row under a
 * few hundred kilobytes on every store.
 *
 * @param textLength      longest long text (a message's text, its original, a suggested reply, a
 *                        file's URL), in characters (code points); default 10,000
 * @param metadataBytes   largest free-form {@code metadata} (of a message or a conversation), as
 *                        compact JSON in UTF-8; default 32 KiB
 * @param metadataDepth   deepest nesting of lists and maps in {@code metadata} (the top object is
 *                        level 1); default 16
 * @param metadataKeys    most keys in one {@code metadata}, counting those of nested maps; default 256
 * @param filesPerMessage most files one message lists; default 25
 * @param recipients      most addresses of an email's to, cc and bcc together, and most attachments;
 *                        default 100
 * @param messageBytes    largest message, counting its long texts, files, email lists and metadata
 *                        in UTF-8; default 256 KiB
 */
public record Limits(int textLength, int metadataBytes, int metadataDepth, int metadataKeys, int filesPerMessage,
        int recipients, int messageBytes) {
    private static final Limits DEFAULTS = new Limits(10_000, 32 * 1024, 16, 256, 25, 100, 256 * 1024);

    /** Checks that each limit is positive (and the depth at most 64). */
    public Limits {
        positive("textLength", textLength);
        positive("metadataBytes", metadataBytes);
        positive("metadataDepth", metadataDepth);
        if (metadataDepth > 64) {
            throw new IllegalArgumentException("metadataDepth must be at most 64, was " + metadataDepth);
        }
        positive("metadataKeys", metadataKeys);
        positive("filesPerMessage", filesPerMessage);
        positive("recipients", recipients);
        positive("messageBytes", messageBytes);
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    /** The default limits (see the class comment). */
    public static Limits defaults() {
        return DEFAULTS;
    }

    /** These limits with another longest text. */
    public Limits withTextLength(int value) {
        return new Limits(value, metadataBytes, metadataDepth, metadataKeys, filesPerMessage, recipients,
                messageBytes);
    }

    /** These limits with another largest metadata. */
    public Limits withMetadataBytes(int value) {
        return new Limits(textLength, value, metadataDepth, metadataKeys, filesPerMessage, recipients, messageBytes);
    }

    /** These limits with another deepest metadata nesting. */
    public Limits withMetadataDepth(int value) {
        return new Limits(textLength, metadataBytes, value, metadataKeys, filesPerMessage, recipients, messageBytes);
    }

    /** These limits with another most metadata keys. */
    public Limits withMetadataKeys(int value) {
        return new Limits(textLength, metadataBytes, metadataDepth, value, filesPerMessage, recipients, messageBytes);
    }

    /** These limits with another most files per message. */
    public Limits withFilesPerMessage(int value) {
        return new Limits(textLength, metadataBytes, metadataDepth, metadataKeys, value, recipients, messageBytes);
    }

    /** These limits with another most email recipients (and attachments). */
    public Limits withRecipients(int value) {
        return new Limits(textLength, metadataBytes, metadataDepth, metadataKeys, filesPerMessage, value,
                messageBytes);
    }

    /** These limits with another largest message. */
    public Limits withMessageBytes(int value) {
        return new Limits(textLength, metadataBytes, metadataDepth, metadataKeys, filesPerMessage, recipients, value);
    }
}
