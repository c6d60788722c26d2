package dev.messaging.history;

/**
 * What an import wrote: conversations created (an existing live one is reused), messages written,
 * and messages skipped because their {@code clientMessageId} was imported before with the same
 * content (an import is safe to run again).
 */
public record ImportResult(int conversationsCreated, int messagesImported, int messagesSkipped) {

    /** The sums of this batch's counts and {@code other}'s. */
    public ImportResult plus(ImportResult other) {
        return new ImportResult(conversationsCreated + other.conversationsCreated,
                messagesImported + other.messagesImported, messagesSkipped + other.messagesSkipped);
    }
}
