package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.common.Page;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.ConversationQuery;
import dev.messaging.conversation.NewConversation;
import dev.messaging.conversation.SearchSort;
import dev.messaging.inbox.InboxEntry;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.message.Message;
import dev.messaging.message.MessageQuery;
import dev.messaging.message.NewMessage;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The plans of the inbox first page, next page, unread-only page, text query and conversation
 * search, on seeded data (and fresh planner statistics): none may scan the message table or sort
 * messages (sorting the conversations a text query matched is its design: its cost follows the
 * matches). Each store subclass says how to explain and what a bad plan line looks like.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QueryPlanContract {
    static final int CUSTOMERS = 400;
    static final int MESSAGES = 4_000;

    protected JdbiStore store;
    protected Messaging messaging;
    protected Actor alice;

    protected abstract JdbiStore newStore();

    /** The prefix that makes a statement explain itself. */
    protected abstract String explainPrefix();

    /** Refreshes the planner's statistics after seeding. */
    protected abstract void analyze(Jdbi jdbi);

    /** The lines of a plan that mean a full scan of messages or a sort of messages. */
    protected abstract List<String> messageScansOrSorts(List<String> plan);

    /** The lines of a plan that mean a full scan of a table that grows (conversations, threads, messages, the feed). */
    protected abstract List<String> growingTableScans(List<String> plan);

    /** Bulk rows of another tenant, for a planner that needs a realistic table size; none by default. */
    protected void seedBackground(Jdbi jdbi) {
    }

    @BeforeAll
    void seed() {
        store = newStore();
        seedBackground(store.writer());
        messaging = Messaging.builder(store).build();
        String company = "plans-" + UUID.randomUUID();
        alice = Actor.user(company, "loc", "alice");
        Random random = new Random(7);
        for (int c = 0; c < CUSTOMERS; c += 10) {
            messaging.conversations().create(alice, NewConversation.forCustomer("c" + c)
                    .withContact(new Contact("person", "Name" + c, "Family" + c, null, null, null, null)));
        }
        for (int i = 0; i < MESSAGES; i++) {
            int c = random.nextInt(10) < 5 ? random.nextInt(20) : random.nextInt(CUSTOMERS);
            Actor author = random.nextInt(3) == 0 ? alice : Actor.customer(company, "loc", "c" + c);
            String text = i == MESSAGES / 2 ? "zanzibar gearbox" : "message " + i + " about tires and brakes";
            messaging.messages().create(author, NewMessage.to("c" + c, text).build());
        }
        for (InboxEntry e : messaging.inbox().list(alice, InboxQuery.all().limit(30)).items()) {
            messaging.threads().markRead(alice, e.messageThreadMetadata().id());
        }
        analyze(store.writer());
    }

    @AfterAll
    void close() {
        messaging.close();
    }

    private List<QueryPlans.Plan> plansOf(Supplier<?> call) {
        List<QueryPlans.Statement> statements = QueryPlans.capture(store.reader(), call);
        assertThat(statements).isNotEmpty();
        return QueryPlans.explain(store.reader(), explainPrefix(), statements);
    }

    private void assertNoMessageScanOrSort(Supplier<?> call) {
        for (QueryPlans.Plan plan : plansOf(call)) {
            assertThat(messageScansOrSorts(plan.lines())).as("plan of %s", plan).isEmpty();
        }
    }

    @Test
    void inboxFirstPage() {
        assertNoMessageScanOrSort(() -> messaging.inbox().list(alice, InboxQuery.all()));
    }

    @Test
    void inboxNextPage() {
        Page<InboxEntry> first = messaging.inbox().list(alice, InboxQuery.all());
        assertThat(first.hasMore()).isTrue();
        assertNoMessageScanOrSort(() -> messaging.inbox().list(alice, InboxQuery.all().after(first.nextCursor())));
    }

    @Test
    void inboxUnreadOnlyPage() {
        assertNoMessageScanOrSort(() -> messaging.inbox().list(alice, InboxQuery.all().unreadOnly()));
    }

    @Test
    void inboxTextQuery() {
        assertNoMessageScanOrSort(() -> messaging.inbox().list(alice, InboxQuery.all().query("zanzibar")));
        assertNoMessageScanOrSort(() -> messaging.inbox().list(alice, InboxQuery.all().query("name1")));
    }

    @Test
    void conversationSearch() {
        assertNoMessageScanOrSort(() -> messaging.conversations().search(alice, ConversationQuery.all()));
        assertNoMessageScanOrSort(() -> messaging.conversations().search(alice,
                ConversationQuery.all().sort(SearchSort.CREATED_DATE, false)));
        assertNoMessageScanOrSort(() -> messaging.conversations().search(alice, ConversationQuery.all().query("gear")));
    }

    @Test
    void threadAndMessageLookupsOfABusyConversation() {
        String busy = messaging.conversations().search(alice, ConversationQuery.all().contact("c0")).items().get(0)
                .conversation().id();
        Page<Message> page = messaging.messages().list(alice, busy,
                MessageQuery.first());
        assertThat(page.hasMore()).as("the busy conversation has more than a page of messages").isTrue();
        assertNoMessageScanOrSort(() -> messaging.messages().list(alice, busy, MessageQuery.first()));
        assertNoMessageScanOrSort(() -> messaging.messages().list(alice, busy,
                MessageQuery.first().after(page.nextCursor())));
        assertNoMessageScanOrSort(() -> messaging.threads().unreadTotal(alice));
    }

    /**
     * The reads by key every write makes, on plain JDBC (which the capture above does not see),
     * explained one by one with real keys: each finds its rows by key, none scans a growing table.
     */
    @Test
    void keyedReadsOfEveryWriteUseTheirKeys() {
        String busy = messaging.conversations().search(alice, ConversationQuery.all().contact("c0")).items().get(0)
                .conversation().id();
        long tenant = store.reader().withHandle(h -> h.createQuery(
                "SELECT id FROM tenant WHERE company_id = :company").bind("company", alice.tenant().companyId())
                .mapTo(Long.class).one());
        long rid = store.reader().withHandle(h -> h.createQuery("SELECT rid FROM conversation WHERE id = :id")
                .bind("id", busy).mapTo(Long.class).one());
        List<QueryPlans.Plan> plans = List.of(
                explain(ConversationTable.CONVERSATION_WHERE + ConversationTable.BY_ID, tenant, busy),
                explain(ConversationTable.CONVERSATION_WHERE + ConversationTable.LIVE, tenant, "c0"),
                explain(ConversationTable.CONVERSATION_WHERE + ConversationTable.BY_ROW_KEY, tenant, rid),
                explain(ConversationTable.VERSION_WHERE + ConversationTable.BY_ID, tenant, busy),
                explain(ConversationTable.VERSION_WHERE + ConversationTable.LIVE, tenant, "c0"),
                explain(ConversationTable.VERSION_AND_HEAD_WHERE.get(store.dialect()) + ConversationTable.BY_ID, tenant, tenant, busy),
                explain(ConversationTable.VERSION_AND_HEAD_WHERE.get(store.dialect()) + ConversationTable.LIVE, tenant, tenant, "c0"),
                explain(JdbiThreads.THREAD, rid, "alice"),
                explain(JdbiThreads.THREAD_AND_ALL_READ, tenant, "alice", rid, "alice"),
                explain(JdbiThreads.THREADS_AND_SETTINGS, tenant, rid),
                explain(JdbiThreads.ALL_READ_SEQS, tenant, "alice", tenant),
                explain(store.dialect().feedHead(), tenant));
        for (QueryPlans.Plan plan : plans) {
            assertThat(plan.lines()).as("plan of %s", plan).isNotEmpty();
            assertThat(growingTableScans(plan.lines())).as("plan of %s", plan).isEmpty();
        }
    }

    private QueryPlans.Plan explain(String sql, Object... arguments) {
        return QueryPlans.explain(store.reader(), explainPrefix(), sql, arguments);
    }
}
