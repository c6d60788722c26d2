package dev.messaging.memory;

import dev.messaging.change.Change;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.Conversation;
import dev.messaging.delivery.Consent;
import dev.messaging.delivery.ConsentCategory;
import dev.messaging.delivery.Delivery;
import dev.messaging.delivery.LocationSettings;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.Message;
import dev.messaging.notification.NotificationConfig;
import dev.messaging.outlet.Outlet;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.PagePosition;
import dev.messaging.spi.TextTokens;
import dev.messaging.spi.ThreadRow;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * All rows of one tenant and the indexes derived from them. Rows change only through the
 * {@code put*} methods, which keep every index in step with the row and return the previous row,
 * so that a transaction can undo a write by putting the previous row back.
 */
final class TenantData {
    /** Newest first: lastMessageDate desc, then id desc. */
    static final Comparator<PagePosition> NEWEST_FIRST =
            Comparator.comparing(PagePosition::date).thenComparing(PagePosition::id).reversed();
    static final Comparator<PagePosition> OLDEST_FIRST =
            Comparator.comparing(PagePosition::date).thenComparing(PagePosition::id);

    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

    final Map<String, ConversationRow> conversations = new HashMap<>();
    final Map<String, String> liveConversationByCustomer = new HashMap<>();
    final NavigableSet<PagePosition> inboxOrder = new TreeSet<>(NEWEST_FIRST);

    final MessageRows messages = new MessageRows();
    final Map<String, ConversationMessages> messagesByConversation = new HashMap<>();
    final Map<String, CustomerMessages> customerMessages = new HashMap<>();
    final Map<String, String> messageByClientId = new HashMap<>();

    /** Threads by conversation, then by user: a conversation's threads without a scan of all. */
    private final Map<String, Map<String, ThreadRow>> threads = new HashMap<>();
    final Map<String, Long> allReadSeqs = new HashMap<>();
    final Map<String, NotificationConfig> notificationConfigs = new HashMap<>();
    final Map<String, Outlet> outlets = new HashMap<>();

    final Map<String, Delivery> tasks = new HashMap<>();
    final Map<String, String> taskByProviderId = new HashMap<>();
    final Map<String, Set<String>> tasksByMessage = new HashMap<>();
    /** Each customer's consents by channel and category ({@code EMAIL} or {@code EMAIL/<category id>}). */
    final Map<String, Map<String, Consent>> consents = new HashMap<>();
    final Map<String, ConsentCategory> consentCategories = new LinkedHashMap<>();
    LocationSettings settings;

    final ChangeLog feed = new ChangeLog();
    long feedHead;

    final TokenIndex tokens = new TokenIndex(this::conversationOfDocument);

    ThreadRow thread(String conversationId, String userId) {
        Map<String, ThreadRow> ofConversation = threads.get(conversationId);
        return ofConversation == null ? null : ofConversation.get(userId);
    }

    Collection<ThreadRow> threadsOf(String conversationId) {
        return threads.getOrDefault(conversationId, Map.of()).values();
    }

    ConversationRow putConversation(String id, ConversationRow row) {
        ConversationRow old = row == null ? conversations.remove(id) : conversations.put(id, row);
        if (old != null) {
            Conversation c = old.conversation();
            if (!c.deleted()) {
                liveConversationByCustomer.remove(c.customerId(), id);
            }
            if (c.lastMessageDate() != null) {
                inboxOrder.remove(new PagePosition(c.lastMessageDate(), id));
            }
        }
        if (row == null) {
            if (old != null) {
                tokens.remove(contactDocument(id), contactTokens(old.conversation().contact()));
            }
        } else {
            Conversation c = row.conversation();
            if (!c.deleted()) {
                liveConversationByCustomer.put(c.customerId(), id);
                if (c.lastMessageDate() != null) {
                    inboxOrder.add(new PagePosition(c.lastMessageDate(), id));
                }
            }
            Contact contact = c.contact();
            if (old == null || !Objects.equals(old.conversation().contact(), contact)) {
                // re-index only when the contact changed: most conversation writes are summaries
                if (old != null) {
                    tokens.remove(contactDocument(id), contactTokens(old.conversation().contact()));
                }
                tokens.put(contactDocument(id), contactTokens(contact));
            }
        }
        return old;
    }

    MessageRow putMessage(String id, MessageRow row) {
        MessageRow old = row == null ? messages.removeKey(id) : messages.put(row);
        // most message writes are delivery updates: the same searchable text stays indexed as it is
        boolean sameSearch = old != null && row != null && searchable(old) && searchable(row)
                && old.message().text().equals(row.message().text());
        if (old != null) {
            Message m = old.message();
            String conversationId = m.conversationId();
            messagesByConversation.get(conversationId).remove(m.createdDate(), id);
            if (old.customerNumber() > 0 && row == null) {
                CustomerMessages ofConversation = customerMessages.get(conversationId);
                ofConversation.remove(old.customerNumber());
                if (ofConversation.isEmpty()) {
                    customerMessages.remove(conversationId);
                }
            }
            if (m.clientMessageId() != null) {
                messageByClientId.remove(m.clientMessageId(), id);
            }
            if (searchable(old) && !sameSearch) {
                tokens.remove(id, TextTokens.tokens(m.text()));
            }
        }
        if (row != null) {
            Message m = row.message();
            String conversationId = m.conversationId();
            messagesByConversation.computeIfAbsent(conversationId, k -> new ConversationMessages())
                    .put(m.createdDate(), id);
            if (row.customerNumber() > 0) {
                customerMessages.computeIfAbsent(conversationId, k -> new CustomerMessages()).put(row);
            }
            if (m.clientMessageId() != null) {
                messageByClientId.put(m.clientMessageId(), id);
            }
            if (searchable(row) && !sameSearch) {
                tokens.put(id, TextTokens.tokens(m.text()));
            }
        }
        return old;
    }

    ThreadRow putThread(String conversationId, String userId, ThreadRow row) {
        if (row != null) {
            return threads.computeIfAbsent(conversationId, k -> new HashMap<>(4)).put(userId, row);
        }
        Map<String, ThreadRow> ofConversation = threads.get(conversationId);
        if (ofConversation == null) {
            return null;
        }
        ThreadRow old = ofConversation.remove(userId);
        if (ofConversation.isEmpty()) {
            threads.remove(conversationId);
        }
        return old;
    }

    Delivery putTask(String id, Delivery task) {
        Delivery old = task == null ? tasks.remove(id) : tasks.put(id, task);
        if (old != null) {
            if (old.providerMessageId() != null) {
                taskByProviderId.remove(old.providerMessageId(), id);
            }
            Set<String> ofMessage = tasksByMessage.get(old.messageId());
            if (ofMessage != null) {
                ofMessage.remove(id);
            }
        }
        if (task != null) {
            if (task.providerMessageId() != null) {
                taskByProviderId.put(task.providerMessageId(), id);
            }
            tasksByMessage.computeIfAbsent(task.messageId(), k -> new LinkedHashSet<>()).add(id);
        }
        return old;
    }

    Change putChange(long sequence, Change change) {
        return feed.put(sequence, change);
    }

    private static boolean searchable(MessageRow row) {
        return !row.message().deleted() && row.message().text() != null;
    }

    /**
     * The search document of a conversation's contact. A message's document is its id (no copy per
     * message); a contact's is its conversation's id after a control character, which no id has.
     */
    private static String contactDocument(String conversationId) {
        return '\u0001' + conversationId;
    }

    /** The conversation of a search document: a contact's names it, a message's row knows it. */
    private String conversationOfDocument(String document) {
        return document.charAt(0) == '\u0001' ? document.substring(1) : messages.get(document).message().conversationId();
    }

    private static Set<String> contactTokens(Contact contact) {
        return contact == null ? Set.of() : TextTokens.tokens(contact.firstName(), contact.lastName(),
                contact.companyName(), contact.email(), contact.phone());
    }
}
