package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.change.Change;
import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Actor;
import dev.messaging.common.Page;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationUpdate;
import dev.messaging.conversation.NewConversation;
import dev.messaging.inbox.InboxEntry;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.inbox.InboxView;
import dev.messaging.message.AuthorType;
import dev.messaging.message.Message;
import dev.messaging.message.MessageQuery;
import dev.messaging.message.NewMessage;
import dev.messaging.spi.Store;
import dev.messaging.testing.SettableClock;
import dev.messaging.thread.ThreadMetadata;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * What every contract test shares: a fresh {@link Messaging} over the store under test, a clock
 * the test moves, deterministic ids, a tenant of its own (so stores that share a database across
 * tests stay apart), and helpers that read like the rules.
 */
public abstract class ContractSupport {
    protected static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");

    protected SettableClock clock;
    protected Messaging messaging;
    /** The store under {@link #messaging}, for tests that write behind the rules. */
    protected Store store;
    protected String company;
    protected String location;
    protected Actor alice;
    protected Actor bob;
    protected Actor system;

    /** A store for one test; it may hold other tests' tenants, never this test's. */
    protected abstract Store newStore();

    /** How long a message text may be in these tests (kept small so the limit test is cheap). */
    protected int maxTextLength() {
        return 2_000;
    }

    /** Further configuration of the messaging under test (none by default). */
    protected Messaging.Builder configure(Messaging.Builder builder) {
        return builder;
    }

    @BeforeEach
    void openMessaging() {
        clock = new SettableClock(T0);
        store = newStore();
        messaging = configure(Messaging.builder(store).clock(clock).ids(new SequentialIds())
                .maxTextLength(maxTextLength())).build();
        company = "co-" + UUID.randomUUID();
        location = "loc-1";
        alice = Actor.user(company, location, "alice");
        bob = Actor.user(company, location, "bob");
        system = Actor.system(company, location);
    }

    @AfterEach
    void closeMessaging() {
        messaging.close();
    }

    protected Actor customer(String customerId) {
        return Actor.customer(company, location, customerId);
    }

    /** Moves the clock one second, so that every write has its own time. */
    protected Instant tick() {
        return clock.advance(Duration.ofSeconds(1));
    }

    /**
     * Gives {@code customerId}'s conversation in {@code user}'s tenant a contact with a phone and an
     * email (created if there is none): a send needs an address, or it fails at claim time.
     */
    protected void addressed(Actor user, String customerId) {
        Conversation c = messaging.conversations().getOrCreate(user, NewConversation.forCustomer(customerId));
        if (c.contact() == null || c.contact().phone() == null) {
            messaging.conversations().update(user, c.id(), ConversationUpdate.empty().contact(new Contact("person", null,
                    null, null, customerId + "@example.com", "+1555" + Math.abs(customerId.hashCode()), null)));
        }
    }

    protected Message customerSays(String customerId, String text) {
        tick();
        return messaging.messages().create(customer(customerId), NewMessage.to(customerId, text).build());
    }

    protected Message userSays(Actor user, String customerId, String text) {
        tick();
        return messaging.messages().create(user, NewMessage.to(customerId, text).build());
    }

    protected Conversation conversationOf(String customerId) {
        return messaging.conversations().getOrCreate(alice, NewConversation.forCustomer(customerId));
    }

    protected ThreadMetadata thread(Actor user, String conversationId) {
        return messaging.threads().find(user, messaging.threads().threadId(user, conversationId));
    }

    protected String threadId(Actor user, String conversationId) {
        return messaging.threads().threadId(user, conversationId);
    }

    protected int unread(Actor user, String conversationId) {
        return thread(user, conversationId).unreadMessagesCount();
    }

    protected List<InboxEntry> inbox(Actor user, InboxQuery query) {
        return messaging.inbox().list(user, query).items();
    }

    protected List<String> inboxCustomers(Actor user, InboxQuery query) {
        return inbox(user, query).stream().map(e -> e.conversation().customerId()).toList();
    }

    /** Every page of the inbox, following the cursors. */
    protected List<InboxEntry> allPages(Actor user, InboxQuery query) {
        List<InboxEntry> all = new ArrayList<>();
        Page<InboxEntry> page = messaging.inbox().list(user, query);
        all.addAll(page.items());
        while (page.hasMore()) {
            page = messaging.inbox().list(user, query.after(page.nextCursor()));
            all.addAll(page.items());
        }
        return all;
    }

    protected List<Change> feed() {
        List<Change> all = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Change> batch = messaging.changes().since(alice, after, 100);
            if (batch.isEmpty()) {
                return all;
            }
            all.addAll(batch);
            after = batch.get(batch.size() - 1).sequence();
        }
    }

    protected long feedHead() {
        List<Change> all = feed();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).sequence();
    }

    /** The state a failed call must leave untouched: the feed, the inbox of both users. */
    protected Object snapshot() {
        return List.of(feed(), inbox(alice, InboxQuery.all().view(InboxView.ALL)),
                inbox(bob, InboxQuery.all().view(InboxView.ALL)));
    }

    protected void assertUnchangedSince(Object before) {
        assertThat(snapshot()).isEqualTo(before);
    }

    /**
     * Recounts every user's unread messages from the raw messages and the change feed: a customer
     * message is unread for U when it is live and was created after U's last markRead of the thread
     * and after U's last markAllRead.
     */
    protected void assertCountsMatchRecount(List<Actor> users, Iterable<String> conversationIds) {
        List<Change> changes = feed();
        Map<String, Long> createdAt = new HashMap<>();
        for (Change change : changes) {
            if (change.entityType() == EntityType.MESSAGE && change.operation() == Operation.CREATE) {
                createdAt.put(change.entityId(), change.sequence());
            }
        }
        for (Actor user : users) {
            long allRead = changes.stream().filter(ch -> ch.operation() == Operation.READ_ALL
                    && user.userId().equals(ch.actorId())).mapToLong(Change::sequence).max().orElse(0);
            long unreadTotal = 0;
            for (String conversationId : conversationIds) {
                String thread = threadId(user, conversationId);
                long readAt = Math.max(allRead, changes.stream().filter(ch -> ch.operation() == Operation.READ
                        && thread.equals(ch.entityId())).mapToLong(Change::sequence).max().orElse(0));
                List<Message> unread = allMessages(conversationId).stream()
                        .filter(m -> !m.deleted() && m.authorType() == AuthorType.CUSTOMER)
                        .filter(m -> createdAt.get(m.id()) > readAt).toList();
                ThreadMetadata t = thread(user, conversationId);
                assertThat(t.unreadMessagesCount()).as("%s in %s", user.userId(), conversationId)
                        .isEqualTo(unread.size());
                Instant oldest = unread.stream().map(Message::createdDate).min(Instant::compareTo).orElse(null);
                assertThat(t.unreadTimestamp()).as("unreadTimestamp of %s in %s", user.userId(), conversationId)
                        .isEqualTo(oldest);
                unreadTotal += unread.size();
            }
            assertThat(messaging.threads().unreadTotal(user)).isEqualTo(unreadTotal);
        }
    }

    protected List<Message> allMessages(String conversationId) {
        List<Message> all = new ArrayList<>();
        Page<Message> page = messaging.messages().list(alice, conversationId, MessageQuery.first().includeDeleted());
        all.addAll(page.items());
        while (page.hasMore()) {
            page = messaging.messages().list(alice, conversationId,
                    MessageQuery.first().includeDeleted().after(page.nextCursor()));
            all.addAll(page.items());
        }
        return all;
    }
}
