package dev.messaging.history;

import dev.messaging.common.Deletion;
import dev.messaging.message.AuthorType;
import dev.messaging.message.NewMessage;
import java.time.Instant;

/**
 * One message of an imported history: who wrote it ({@code authorType}, and {@code userId} for a
 * user), when ({@code createdDate}, required), what ({@code content}: the same request a live
 * message takes, validated by the same rules for that author), and, for a message deleted in the
 * old system, its {@code deletion} (null when live).
 */
public record ImportedMessage(AuthorType authorType, String userId, Instant createdDate, NewMessage content,
        Deletion deletion) {

    /** A customer's message. */
    public static ImportedMessage fromCustomer(Instant createdDate, NewMessage content) {
        return new ImportedMessage(AuthorType.CUSTOMER, null, createdDate, content, null);
    }

    /** A staff user's message. */
    public static ImportedMessage fromUser(String userId, Instant createdDate, NewMessage content) {
        return new ImportedMessage(AuthorType.USER, userId, createdDate, content, null);
    }

    /** A message the system sent. */
    public static ImportedMessage fromSystem(Instant createdDate, NewMessage content) {
        return new ImportedMessage(AuthorType.SYSTEM, null, createdDate, content, null);
    }

    /** The same message, imported as deleted. */
    public ImportedMessage deleted(Deletion value) {
        return new ImportedMessage(authorType, userId, createdDate, content, value);
    }
}
