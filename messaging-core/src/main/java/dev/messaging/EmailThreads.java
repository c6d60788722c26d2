package dev.messaging;

import dev.messaging.error.ValidationException;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.StoreTransaction;
import java.util.Optional;

/**
 * Email threading: a message that answers another by email ({@code emailDetails.replyToMessageId})
 * joins the conversation and the email thread of the message it answers. The thread is the answered
 * message's {@code threadId}, or its id when it has none (the first email of a thread starts it).
 * An id that names no message of this location (a provider's id, history imported without the
 * message it answers) is kept as given and joins nothing, unless it is all the request has to place
 * the message by.
 */
final class EmailThreads {
    private static final String FIELD = "emailDetails.replyToMessageId";

    private EmailThreads() {
    }

    /**
     * {@code r} placed in the thread it answers, read in {@code tx}; {@code r} itself when it answers
     * nothing here. A validation error on {@value #FIELD}: an answered message of another
     * conversation than the one {@code r} names, or none in this location when {@code r} names
     * neither a customer nor a conversation.
     */
    static NewMessage joined(StoreTransaction tx, NewMessage r) {
        EmailDetails e = r.emailOptions().details();
        if (e == null || e.replyToMessageId() == null) {
            return r;
        }
        Optional<Message> found = tx.findMessage(e.replyToMessageId()).map(MessageRow::message);
        if (found.isEmpty()) {
            if (r.customerId() == null && r.conversationId() == null) {
                throw ValidationException.of(FIELD, "no such message in this location");
            }
            return r;
        }
        Message answered = found.get();
        if (r.conversationId() != null && !r.conversationId().equals(answered.conversationId())) {
            throw ValidationException.of(FIELD, "is a message of another conversation than " + r.conversationId());
        }
        String thread = e.threadId() != null ? e.threadId() : threadOf(answered);
        return r.toBuilder().conversationId(answered.conversationId())
                .emailOptions(r.emailOptions().withDetails(e.withThreadId(thread))).build();
    }

    private static String threadOf(Message answered) {
        EmailDetails e = answered.emailOptions().details();
        return e != null && e.threadId() != null ? e.threadId() : answered.id();
    }
}
