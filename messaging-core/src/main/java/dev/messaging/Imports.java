package dev.messaging;

import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Actor;
import dev.messaging.conversation.Conversation;
import dev.messaging.error.FieldError;
import dev.messaging.error.MessagingException;
import dev.messaging.error.ValidationException;
import dev.messaging.history.ImportResult;
import dev.messaging.history.ImportedConversation;
import dev.messaging.history.ImportedMessage;
import dev.messaging.history.ReadMark;
import dev.messaging.kernel.Access;
import dev.messaging.kernel.Changes;
import dev.messaging.kernel.Engine;
import dev.messaging.kernel.Validator;
import dev.messaging.message.AuthorType;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.CustomerMessageCounters;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.StoreTransaction;
import dev.messaging.spi.ThreadRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * History import: a customer's or a location's conversations, messages with their original dates
 * and authors, and each user's read state, written in batches through the rules. Every message is
 * validated as its author's live message would be, is numbered and appended to the change feed like
 * one, and counts toward unread counts unless a {@link ReadMark} covers it; nothing is sent. Only
 * the system imports. The whole request is validated before anything is written; it is then written
 * a batch of conversations (about {@value #MESSAGES_PER_TRANSACTION} messages) per transaction, so a
 * failure leaves earlier batches written — run it again: messages with a {@code clientMessageId}
 * imported before are skipped.
 *
 * <p>Imported history is the past: an imported customer message neither clears an archive nor
 * wakes a snoozed conversation.
 */
public final class Imports {
    static final int MESSAGES_PER_TRANSACTION = 1_000;
    private static final Comparator<Message> NEWEST = Comparator.comparing(Message::createdDate)
            .thenComparing(Message::id);
    private final Engine engine;

    Imports(Engine engine) {
        this.engine = engine;
    }

    /** Imports {@code conversations}; returns what was written. */
    public ImportResult history(Actor actor, List<ImportedConversation> conversations) {
        Access.requireSystem(actor, "import history");
        validate(actor, conversations);
        ImportResult result = new ImportResult(0, 0, 0);
        List<ImportedConversation> batch = new ArrayList<>();
        int messages = 0;
        for (ImportedConversation conversation : conversations) {
            if (!batch.isEmpty() && messages + conversation.messages().size() > MESSAGES_PER_TRANSACTION) {
                result = result.plus(write(actor, batch));
                batch = new ArrayList<>();
                messages = 0;
            }
            batch.add(conversation);
            messages += conversation.messages().size();
        }
        return batch.isEmpty() ? result : result.plus(write(actor, batch));
    }

    private ImportResult write(Actor actor, List<ImportedConversation> batch) {
        Instant now = engine.now();
        return engine.write(actor, tx -> {
            ImportResult written = new ImportResult(0, 0, 0);
            for (ImportedConversation conversation : batch) {
                written = written.plus(new OneConversation(tx, actor, now, conversation).write());
            }
            return written;
        });
    }

    private void validate(Actor actor, List<ImportedConversation> conversations) {
        Validator v = engine.validator();
        v.required("conversations", conversations);
        v.throwIfAny();
        Instant now = engine.now();
        for (int i = 0; i < conversations.size(); i++) {
            String at = "conversations[" + i + "]";
            ImportedConversation c = conversations.get(i);
            if (c == null) {
                v.add(at, "is required");
                continue;
            }
            ConversationRows.validate(v, at + ".conversation.", c.conversation());
            String customerId = c.conversation() == null ? null : c.conversation().customerId();
            for (int j = 0; j < c.messages().size(); j++) {
                validateMessage(v, at + ".messages[" + j + "]", actor, customerId, c.messages().get(j), now);
            }
            for (int j = 0; j < c.readMarks().size(); j++) {
                String mark = at + ".readMarks[" + j + "]";
                ReadMark r = c.readMarks().get(j);
                if (r == null) {
                    v.add(mark, "is required");
                    continue;
                }
                v.requiredId(mark + ".userId", r.userId());
                v.required(mark + ".readUpTo", r.readUpTo());
                v.date(mark + ".readUpTo", r.readUpTo());
            }
        }
        v.throwIfAny();
    }

    private void validateMessage(Validator v, String at, Actor importer, String customerId, ImportedMessage m,
            Instant now) {
        if (m == null) {
            v.add(at, "is required");
            return;
        }
        v.required(at + ".authorType", m.authorType());
        v.required(at + ".createdDate", m.createdDate());
        v.required(at + ".content", m.content());
        if (m.authorType() == AuthorType.USER) {
            v.requiredId(at + ".userId", m.userId());
        } else if (m.userId() != null) {
            v.add(at + ".userId", "is set only for a User author");
        }
        v.pastDate(at + ".createdDate", m.createdDate(), now);
        if (m.authorType() == null || m.content() == null || customerId == null
                || m.authorType() == AuthorType.USER && m.userId() == null) {
            return;
        }
        try {
            MessageWrites.validate(engine, author(importer, customerId, m), m.content());
        } catch (ValidationException e) {
            for (FieldError error : e.errors()) {
                v.add(at + ".content." + error.field(), error.problem());
            }
        } catch (MessagingException e) {
            v.add(at + ".content", e.getMessage());
        }
    }

    /** The actor a live message of this author would have had. */
    private static Actor author(Actor importer, String customerId, ImportedMessage m) {
        String company = importer.tenant().companyId();
        String location = importer.tenant().locationId();
        Actor author = switch (m.authorType()) {
            case CUSTOMER -> Actor.customer(company, location, customerId);
            case USER -> Actor.user(company, location, m.userId());
            case SYSTEM -> Actor.system(company, location);
        };
        return importer.sessionId() == null ? author : author.withSession(importer.sessionId());
    }

    /** One conversation's history, written inside a batch's transaction. */
    private final class OneConversation {
        private final StoreTransaction tx;
        private final Actor importer;
        private final Instant now;
        private final ImportedConversation request;
        private final List<MessageRow> customerMessages = new ArrayList<>();

        OneConversation(StoreTransaction tx, Actor importer, Instant now, ImportedConversation request) {
            this.tx = tx;
            this.importer = importer;
            this.now = now;
            this.request = request;
        }

        ImportResult write() {
            ConversationRows.Outcome opened = ConversationRows.getOrCreate(engine, tx, importer, request.conversation(),
                    false);
            Conversation c = opened.row().conversation();
            CustomerMessageCounters counters = opened.row().counters();
            int imported = 0;
            int skipped = 0;
            Message newest = null;
            List<ImportedMessage> inOrder = request.messages().stream()
                    .sorted(Comparator.comparing(ImportedMessage::createdDate)).toList();
            for (ImportedMessage m : inOrder) {
                Message message = build(c, m);
                if (alreadyImported(message)) {
                    skipped++;
                    continue;
                }
                boolean fromCustomer = message.authorType() == AuthorType.CUSTOMER;
                int number = fromCustomer ? counters.customerCount() + 1 : 0;
                long seq = Changes.record(tx, importer, now, EntityType.MESSAGE, message.id(), 1, Operation.CREATE,
                        c.customerId(), Changes.payload("conversationId", c.id(), "authorType",
                                message.authorType().wireValue(), "imported", "true")).sequence();
                MessageRow row = new MessageRow(message, number, seq);
                if (MessageWrites.insert(tx, row).isPresent()) {
                    throw new IllegalStateException("message " + message.clientMessageId() + " appeared during the import");
                }
                imported++;
                if (fromCustomer) {
                    counters = message.deleted() ? counters.afterDeletedCustomerMessage(number, seq)
                            : counters.afterCustomerMessage(number, seq);
                    customerMessages.add(row);
                }
                if (!message.deleted() && (newest == null || NEWEST.compare(message, newest) > 0)) {
                    newest = message;
                }
            }
            for (ReadMark mark : request.readMarks()) {
                counters = applyReadMark(c, counters, mark);
            }
            Conversation updated = newest != null && ConversationRows.isNewerThanSummary(c, newest)
                    ? ConversationRows.withSummary(c, newest) : c;
            ConversationRows.saveDerived(tx, new ConversationRow(updated, counters));
            return new ImportResult(opened.created() ? 1 : 0, imported, skipped);
        }

        private Message build(Conversation c, ImportedMessage m) {
            Actor author = author(importer, c.customerId(), m);
            NewMessage content = m.content().toBuilder().customerId(c.customerId()).conversationId(null).imported(true)
                    .createdDate(m.createdDate()).build();
            Message message = MessageWrites.build(engine, author, content, c, now);
            return m.deletion() == null ? message : message.toBuilder().deletion(m.deletion()).build();
        }

        /** A message with this clientMessageId exists: the same content is a repeat (skipped), other content a conflict. */
        private boolean alreadyImported(Message message) {
            if (message.clientMessageId() == null) {
                return false;
            }
            Optional<MessageRow> first = tx.findMessageByClientMessageId(message.clientMessageId());
            if (first.isEmpty()) {
                return false;
            }
            MessageWrites.conflictUnlessSame(first.get().message(), message);
            return true;
        }

        /** The user's read number: the newest imported customer message created at or before the mark. */
        private CustomerMessageCounters applyReadMark(Conversation c, CustomerMessageCounters counters, ReadMark mark) {
            int readNumber = customerMessages.stream().filter(r -> !r.message().createdDate().isAfter(mark.readUpTo()))
                    .mapToInt(MessageRow::customerNumber).max().orElse(0);
            if (readNumber == 0) {
                return counters;
            }
            ThreadRow stored = tx.findThread(c.id(), mark.userId()).orElse(null);
            ThreadRow current = stored != null ? stored : ThreadRow.untouched(c.id(), mark.userId(), c.createdDate());
            if (current.readNumber() >= readNumber) {
                return counters;
            }
            long version = current.meta().version() + 1;
            long seq = Changes.record(tx, importer, now, EntityType.THREAD, ThreadViews.threadId(c.id(), mark.userId()),
                    version, Operation.READ, c.customerId(), Map.of("imported", "true")).sequence();
            ThreadRow saved = current.withRead(readNumber, seq).savedAt(now, current.meta().next(null,
                    importer.sessionId()));
            if (!tx.saveThread(saved, stored == null ? 0 : stored.meta().version())) {
                throw new IllegalStateException("thread of " + mark.userId() + " changed inside a serialized transaction");
            }
            return readNumber > counters.shopReadNumber() ? counters.withShopReadNumber(readNumber) : counters;
        }
    }
}
