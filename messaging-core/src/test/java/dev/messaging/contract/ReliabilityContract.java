package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.messaging.IdGenerator;
import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.conversation.ConversationUpdate;
import dev.messaging.conversation.NewConversation;
import dev.messaging.error.ConflictException;
import dev.messaging.error.MessagingException;
import dev.messaging.error.StoreClosedException;
import dev.messaging.error.ValidationException;
import dev.messaging.history.ImportedConversation;
import dev.messaging.history.ImportedMessage;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.outlet.Outlet;
import dev.messaging.spi.TextTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * What a careless or hostile user tries, on every store: ids that are not well-formed, ids that
 * repeat, dates at the ends of time, a clock that steps back, close() while calls run, text in
 * scripts whose letters do not decompose, and null targets. Each behaves the same on every store.
 */
public abstract class ReliabilityContract extends ContractSupport {

    @Nested
    @DisplayName("Ids")
    class Ids {
        private final List<String> bad = List.of("a\u0000b", "tab\there", "line\nbreak", "bell\u0007", "lone\uD800",
                "\uDC00lone", "x".repeat(129), " ");

        private void rejected(String field, Consumer<String> call) {
            for (String id : bad) {
                Object before = snapshot();
                ValidationException e = catchThrowableOfType(ValidationException.class, () -> call.accept(id));
                assertThat(e).as("%s = %s", field, escape(id)).isNotNull();
                assertThat(e.fields()).as("%s = %s", field, escape(id)).contains(field);
                assertUnchangedSince(before);
            }
        }

        private String escape(String id) {
            StringBuilder s = new StringBuilder();
            id.chars().limit(20).forEach(c -> s.append(c < 32 || c > 126 ? String.format("\\u%04X", c) : (char) c));
            return s.toString();
        }

        @Test
        void anActorsIdsMustBeWellFormed() {
            rejected("actor.companyId", id -> Actor.user(id, location, "u"));
            rejected("actor.locationId", id -> Actor.customer(company, id, "c"));
            rejected("actor.userId", id -> Actor.user(company, location, id));
            rejected("actor.customerId", id -> Actor.customer(company, location, id));
            rejected("actor.sessionId", id -> alice.withSession(id));
        }

        @Test
        void idsInARequestMustBeWellFormed() {
            rejected("customerId", id -> messaging.messages().create(alice, NewMessage.to(id, "hi").build()));
            rejected("clientMessageId", id -> messaging.messages().create(alice,
                    NewMessage.to("c1", "hi").clientMessageId(id).build()));
            rejected("conversationId", id -> messaging.messages().create(alice,
                    NewMessage.builder().conversationId(id).text("hi").build()));
            rejected("customerId", id -> messaging.conversations().create(alice, NewConversation.forCustomer(id)));
            rejected("assignedTo", id -> messaging.conversations().create(alice,
                    NewConversation.forCustomer("c1").withAssignedTo(id)));
            rejected("code", id -> messaging.outlets().set(alice, new Outlet(id, "Desk", true, 1)));
            rejected("userId", id -> messaging.notificationConfig().get(alice, id));
        }

        @Test
        void theIdACallTargetsMustBeWellFormedAndPresent() {
            rejected("id", id -> messaging.messages().find(alice, id));
            rejected("id", id -> messaging.conversations().find(alice, id));
            rejected("id", id -> messaging.conversations().delete(alice, id, null));
            rejected("conversationId", id -> messaging.threads().threadId(alice, id));
            assertThatThrownBy(() -> messaging.messages().find(alice, null)).isInstanceOfSatisfying(
                    ValidationException.class, e -> assertThat(e.fields()).containsExactly("id"));
            assertThatThrownBy(() -> messaging.conversations().find(alice, null)).isInstanceOfSatisfying(
                    ValidationException.class, e -> assertThat(e.fields()).containsExactly("id"));
            assertThatThrownBy(() -> messaging.threads().threadId(alice, null)).isInstanceOfSatisfying(
                    ValidationException.class, e -> assertThat(e.fields()).containsExactly("conversationId"));
            assertThatThrownBy(() -> messaging.verify(null)).isInstanceOfSatisfying(
                    ValidationException.class, e -> assertThat(e.fields()).containsExactly("tenant"));
        }

        @Test
        void idsOfAnyScriptAndLengthUpToTheLimitAreKeptApart() {
            List<String> ids = List.of("acme", "acme\uD83D\uDE00", "\uD83D\uDE00acme", "Ωmega", "omega", "OMEGA",
                    "x".repeat(128), "x".repeat(127) + "y", "a b", "a%b", "a_b", "ü", "u\u0308");
            for (String id : ids) {
                tick();
                messaging.messages().create(customer(id), NewMessage.to(id, "from " + id).build());
            }
            for (String id : ids) {
                List<Message> messages = allMessages(conversationOf(id).id());
                assertThat(messages).extracting(Message::text).containsExactly("from " + id);
                assertThat(messages.get(0).customerId()).isEqualTo(id);
            }
            for (String tenantId : List.of("t\uD83D\uDE00", "t\uD83D\uDE01")) {
                Actor them = Actor.customer(tenantId, location, "c1");
                messaging.messages().create(them, NewMessage.to("c1", "in " + tenantId).build());
                assertThat(messaging.inbox().list(Actor.user(tenantId, location, "u"), InboxQuery.all()).items())
                        .extracting(e -> e.message().text()).containsExactly("in " + tenantId);
            }
        }
    }

    /** Ids from a list; the test decides when they repeat. */
    private static final class ScriptedIds implements IdGenerator {
        private final Deque<String> next = new ArrayDeque<>();

        ScriptedIds then(String... ids) {
            next.addAll(List.of(ids));
            return this;
        }

        @Override
        public String newId() {
            return next.removeFirst();
        }
    }

    @Nested
    @DisplayName("Id clashes")
    class IdClashes {
        @Test
        void aRepeatedConversationIdIsAConflictAndWritesNothing() {
            String id = "conv-" + company;
            ScriptedIds ids = new ScriptedIds().then(id, "m-" + company);
            Messaging repeating = Messaging.builder(store).clock(clock).ids(ids).build();
            repeating.messages().create(customer("alice-customer"), NewMessage.to("alice-customer", "mine").build());
            Object before = snapshot();
            ids.then(id, "m2-" + company); // a store may find the clash only after the message is built
            ConflictException e = catchThrowableOfType(ConflictException.class,
                    () -> repeating.messages().create(customer("bob-customer"), NewMessage.to("bob-customer", "his").build()));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.ID_TAKEN);
            assertThat(e.existingId()).isEqualTo(id);
            assertUnchangedSince(before);
            Message mine = allMessages(id).get(0);
            assertThat(mine.text()).isEqualTo("mine");
            assertThat(mine.customerId()).isEqualTo("alice-customer");
        }

        @Test
        void aRepeatedMessageIdIsAConflictAndWritesNothing() {
            // without a client message id a store may send the insert with a later statement (PostgreSQL)
            ScriptedIds ids = new ScriptedIds().then("conv-a-" + company, "msg-" + company, "conv-b-" + company,
                    "msg-" + company);
            Messaging repeating = Messaging.builder(store).clock(clock).ids(ids).build();
            repeating.messages().create(alice, NewMessage.to("c1", "first").build());
            Object before = snapshot();
            ConflictException e = catchThrowableOfType(ConflictException.class, () -> repeating.messages()
                    .create(alice, NewMessage.to("c2", "second").build()));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.ID_TAKEN);
            assertThat(e.existingId()).isEqualTo("msg-" + company);
            assertUnchangedSince(before);
            assertThat(messaging.messages().find(alice, "msg-" + company).orElseThrow().text()).isEqualTo("first");
        }

        @Test
        void aRepeatedMessageIdIsAConflictEvenWithAClientMessageId() {
            ScriptedIds ids = new ScriptedIds().then("conv-a-" + company, "msg-" + company, "conv-b-" + company,
                    "msg-" + company);
            Messaging repeating = Messaging.builder(store).clock(clock).ids(ids).build();
            repeating.messages().create(alice, NewMessage.to("c1", "first").clientMessageId("k1").build());
            Object before = snapshot();
            ConflictException e = catchThrowableOfType(ConflictException.class, () -> repeating.messages()
                    .create(alice, NewMessage.to("c2", "second").clientMessageId("k2").build()));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.ID_TAKEN);
            assertUnchangedSince(before);
            assertThat(messaging.messages().find(alice, "msg-" + company).orElseThrow().text()).isEqualTo("first");
        }
    }

    @Nested
    @DisplayName("Dates at the ends of time")
    class Dates {
        @Test
        void datesOutsideTheirRangeAreRejectedNamingTheField() {
            Message m = customerSays("c1", "hi");
            Object before = snapshot();
            for (Instant extreme : List.of(Instant.MAX, Instant.MIN, Instant.parse("+10000-01-01T00:00:00Z"),
                    Instant.parse("1969-12-31T23:59:59Z"))) {
                assertThatThrownBy(() -> messaging.changes().prune(alice, extreme)).isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.fields()).containsExactly("before"));
                assertThatThrownBy(() -> messaging.conversations().update(alice, m.conversationId(),
                        ConversationUpdate.empty().snoozeUntil(extreme))).isInstanceOfSatisfying(
                        ValidationException.class, e -> assertThat(e.fields()).contains("snoozedUntil"));
                assertThatThrownBy(() -> messaging.messages().create(system, NewMessage.to("c1", "old").imported(true)
                        .createdDate(extreme).build())).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fields()).containsExactly("createdDate"));
                assertThatThrownBy(() -> messaging.imports().history(system, List.of(ImportedConversation.of(
                        NewConversation.forCustomer("c9"), List.of(ImportedMessage.fromCustomer(extreme,
                                NewMessage.to("c9", "x").build())))))).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fields()).containsExactly("conversations[0].messages[0].createdDate"));
            }
            assertUnchangedSince(before);
        }

        @Test
        void historyIsThePastAndASnoozeAtMostTenYearsAway() {
            Message m = customerSays("c1", "hi");
            Instant year3000 = Instant.parse("3000-01-01T00:00:00Z");
            assertThatThrownBy(() -> messaging.messages().create(system, NewMessage.to("c2", "future").imported(true)
                    .createdDate(year3000).build())).isInstanceOf(ValidationException.class);
            assertThatThrownBy(() -> messaging.conversations().update(alice, m.conversationId(),
                    ConversationUpdate.empty().snoozeUntil(clock.instant().plus(Duration.ofDays(3_700)))))
                    .isInstanceOf(ValidationException.class);
            messaging.conversations().update(alice, m.conversationId(),
                    ConversationUpdate.empty().snoozeUntil(clock.instant().plus(Duration.ofDays(365))));
            assertThat(messaging.changes().prune(alice, Instant.EPOCH)).isZero();
        }
    }

    @Nested
    @DisplayName("A clock that steps back")
    class ClockSteps {
        @Test
        void theNewestWriteIsTheNewestMessageEverywhere() {
            Message first = customerSays("c1", "first");
            clock.advance(Duration.ofSeconds(-60));
            Message second = messaging.messages().create(customer("c1"), NewMessage.to("c1", "second").build());
            assertThat(second.createdDate()).isEqualTo(first.createdDate().plusMillis(1));
            assertThat(conversationOf("c1").lastMessageBody()).isEqualTo("second");
            assertThat(allMessages(first.conversationId())).extracting(Message::text).containsExactly("first", "second");
            assertThat(inbox(alice, InboxQuery.all())).extracting(e -> e.message().text()).containsExactly("second");
            assertThat(unread(alice, first.conversationId())).isEqualTo(2);
            assertThat(messaging.verify(alice.tenant()).ok()).isTrue();
        }
    }

    @Nested
    @DisplayName("Search folding")
    class Folding {
        @Test
        void lettersWithoutADecompositionFoldLikeTheirBaseLetters() {
            Map<String, String> found = Map.of("soren", "Søren", "lukasz", "Łukasz", "aesir", "Æsir", "strasse",
                    "Straße", "fish", "ﬁsh", "οδοσ", "ΟΔΟΣ", "οδος", "ΟΔΟΣ", "thor", "Þór", "dord", "Đorđe", "x2", "X²");
            int c = 0;
            for (String text : found.values()) {
                tick();
                messaging.messages().create(customer("f" + c), NewMessage.to("f" + c, "hello " + text).build());
                c++;
            }
            found.forEach((query, text) -> assertThat(inbox(alice, InboxQuery.all().query(query)))
                    .as("%s finds %s", query, text).extracting(e -> e.message().text()).contains("hello " + text));
        }

        @Test
        void randomTextIsFoundByTheQueriesTheTokenDefinitionSaysMatch() {
            Random random = new Random(company.hashCode());
            int[][] ranges = {{0x41, 0x7a}, {0xc0, 0x24f}, {0x370, 0x3ff}, {0x400, 0x4ff}, {0x5d0, 0x5ea},
                {0x4e00, 0x4e40}, {0x1f600, 0x1f610}, {0xfb00, 0xfb06}, {0x2070, 0x2079}, {0x30, 0x39}};
            List<String> texts = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                StringBuilder text = new StringBuilder();
                for (int w = 0; w < 4; w++) {
                    int[] range = ranges[random.nextInt(ranges.length)];
                    for (int k = 0; k < 2 + random.nextInt(5); k++) {
                        text.appendCodePoint(range[0] + random.nextInt(range[1] - range[0] + 1));
                    }
                    text.append(' ');
                }
                texts.add(text.toString().strip());
                tick();
                messaging.messages().create(customer("r" + i), NewMessage.to("r" + i, texts.get(i)).build());
            }
            for (int i = 0; i < texts.size(); i++) {
                List<String> words = List.of(texts.get(i).split(" "));
                String query = words.get(random.nextInt(words.size()));
                List<String> expected = new ArrayList<>();
                for (String text : texts) {
                    if (matches(text, query)) {
                        expected.add(text);
                    }
                }
                if (TextTokens.terms(query).isEmpty()) {
                    continue;
                }
                assertThat(allPages(alice, InboxQuery.all().query(query))).as("query %s", query)
                        .extracting(e -> e.message().text()).containsExactlyInAnyOrderElementsOf(expected);
            }
        }

        /** The definition: every term of the query is a prefix of a token of the text. */
        private boolean matches(String text, String query) {
            var tokens = TextTokens.tokens(text);
            return TextTokens.terms(query).stream().allMatch(term -> tokens.stream().anyMatch(t -> t.startsWith(term)));
        }
    }

    @Nested
    @DisplayName("Closing under load")
    class Closing {
        @Test
        void closeWaitsForCallsInFlightAndEveryLaterCallGetsStoreClosed() throws Exception {
            Messaging closing = Messaging.builder(newStore()).clock(clock).ids(new SequentialIds()).build();
            ExecutorService threads = Executors.newFixedThreadPool(4);
            AtomicInteger done = new AtomicInteger();
            ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
            CountDownLatch running = new CountDownLatch(4);
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                writers.add(threads.submit(() -> {
                    running.countDown();
                    for (int i = 0; ; i++) {
                        try {
                            closing.messages().create(customer("w" + thread), NewMessage.to("w" + thread, "m" + i).build());
                            closing.inbox().list(alice, InboxQuery.all().limit(5));
                            done.incrementAndGet();
                        } catch (StoreClosedException e) {
                            return;
                        } catch (Throwable e) {
                            unexpected.add(e);
                            return;
                        }
                    }
                }));
            }
            running.await(10, TimeUnit.SECONDS);
            while (done.get() < 20) {
                Thread.sleep(5);
            }
            closing.close();
            for (Future<?> writer : writers) {
                writer.get(30, TimeUnit.SECONDS);
            }
            threads.shutdown();
            assertThat(unexpected).as("calls racing close() get StoreClosedException or succeed").isEmpty();
            List<Runnable> later = List.of(() -> closing.messages().create(alice, NewMessage.to("c1", "late").build()),
                    () -> closing.inbox().list(alice, InboxQuery.all()),
                    () -> closing.changes().since(alice, 0, 10),
                    () -> closing.verify(alice.tenant()));
            for (Runnable call : later) {
                assertThatThrownBy(call::run).isInstanceOf(StoreClosedException.class)
                        .isInstanceOf(MessagingException.class);
            }
            closing.close();
        }
    }

    @Test
    void aQueryOfOnlySeparatorsIsRejected() {
        assertThatThrownBy(() -> inbox(alice, InboxQuery.all().query("¿¡ — ·"))).isInstanceOf(ValidationException.class);
    }
}
