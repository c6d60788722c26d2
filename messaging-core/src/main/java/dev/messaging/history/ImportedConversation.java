package dev.messaging.history;

import dev.messaging.conversation.NewConversation;
import java.util.List;

/**
 * A customer's history: the conversation (the customer's live one is used when there is one), its
 * messages in any order (they are stored in {@code createdDate} order), and each user's read state.
 */
public record ImportedConversation(NewConversation conversation, List<ImportedMessage> messages,
        List<ReadMark> readMarks) {

    public ImportedConversation {
        messages = messages == null ? List.of() : List.copyOf(messages);
        readMarks = readMarks == null ? List.of() : List.copyOf(readMarks);
    }

    /** A conversation to import with its messages, and no read marks. */
    public static ImportedConversation of(NewConversation conversation, List<ImportedMessage> messages) {
        return new ImportedConversation(conversation, messages, List.of());
    }

    /** The same conversation with the users' read state to import. */
    public ImportedConversation withReadMarks(List<ReadMark> value) {
        return new ImportedConversation(conversation, messages, value);
    }
}
