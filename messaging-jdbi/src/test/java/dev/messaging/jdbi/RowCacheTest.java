package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationUpdate;
import dev.messaging.inbox.InboxEntry;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Inbox pages take unchanged rows from the store's memory: a page read by one store instance
 * shows at once what another instance (another process on a SQLite file, another service instance
 * on PostgreSQL) wrote to the same database — a new last message and the conversation's summary, a
 * read point, a flag, a deleted message — and reads the same a second time.
 */
class RowCacheTest {

    static Stream<Arguments> twoInstances() {
        Path file = TestDatabases.newSqliteFile();
        Supplier<JdbiStore> sqlite = () -> JdbiStore.sqlite(file);
        Supplier<JdbiStore> postgres = () -> JdbiStore.create(TestDatabases.postgresPool());
        return Stream.of(Arguments.of("SQLite file", sqlite), Arguments.of("PostgreSQL", postgres));
    }

    /** A user and a customer of a company no other test uses. */
    private record People(Actor alice, Actor customer) {
        static People ofNewCompany() {
            String company = "cache-" + UUID.randomUUID();
            return new People(Actor.user(company, "loc", "alice"), Actor.customer(company, "loc", "c1"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoInstances")
    void aPageShowsWhatAnotherInstanceWrote(String name, Supplier<JdbiStore> stores) {
        try (Messaging reader = Messaging.builder(stores.get()).build();
                Messaging writer = Messaging.builder(stores.get()).build()) {
            People people = People.ofNewCompany();
            Actor alice = people.alice();
            Actor customer = people.customer();
            Message first = writer.messages().create(customer, NewMessage.to("c1", "first").build());
            assertPage(reader, alice, "first", 1, false);

            Message second = writer.messages().create(customer, NewMessage.to("c1", "second").build());
            assertPage(reader, alice, "second", 2, false);

            String thread = writer.threads().threadId(alice, first.conversationId());
            writer.threads().markRead(alice, thread);
            assertPage(reader, alice, "second", 0, false);

            writer.threads().setImportant(alice, thread, true);
            assertPage(reader, alice, "second", 0, true);

            writer.messages().delete(alice, second.id(), "sent by mistake");
            assertPage(reader, alice, "first", 0, true);

            writer.messages().restore(alice, second.id());
            assertPage(reader, alice, "second", 0, true);
            assertThat(reader.verify(alice.tenant()).ok()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoInstances")
    void pagesReadWhileOthersWriteAreWholeRows(String name, Supplier<JdbiStore> stores) throws Exception {
        try (Messaging messaging = Messaging.builder(stores.get()).build()) {
            String company = "cache-" + UUID.randomUUID();
            Actor alice = Actor.user(company, "loc", "alice");
            AtomicBoolean writing = new AtomicBoolean(true);
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            List<Thread> readers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                readers.add(new Thread(() -> {
                    try {
                        while (writing.get()) {
                            for (InboxEntry entry : messaging.inbox().list(alice, InboxQuery.all()).items()) {
                                assertThat(entry.message().id()).isEqualTo(entry.conversation().lastMessageId());
                                assertThat(entry.message().text()).isEqualTo(entry.conversation().lastMessageBody());
                            }
                        }
                    } catch (Throwable t) {
                        failures.add(t);
                    }
                }));
            }
            readers.forEach(Thread::start);
            for (int i = 0; i < 300; i++) {
                Actor customer = Actor.customer(company, "loc", "c" + i % 5);
                Message m = messaging.messages().create(customer, NewMessage.to(customer.customerId(), "text " + i).build());
                if (i % 7 == 0) {
                    messaging.threads().markRead(alice, messaging.threads().threadId(alice, m.conversationId()));
                }
            }
            writing.set(false);
            for (Thread reader : readers) {
                reader.join(30_000);
            }
            assertThat(failures).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("twoInstances")
    void aWriteBuildsOnWhatAnotherInstanceWrote(String name, Supplier<JdbiStore> stores) {
        try (Messaging first = Messaging.builder(stores.get()).build();
                Messaging second = Messaging.builder(stores.get()).build()) {
            People people = People.ofNewCompany();
            Actor alice = people.alice();
            Actor customer = people.customer();
            String conversation = first.messages().create(customer, NewMessage.to("c1", "one").build()).conversationId();
            first.messages().create(customer, NewMessage.to("c1", "two").build()); // the first instance's rows cached
            second.conversations().update(alice, conversation,
                    ConversationUpdate.empty().subject("brakes").assignedTo("alice"));
            first.messages().create(customer, NewMessage.to("c1", "three").build());
            first.threads().markRead(alice, first.threads().threadId(alice, conversation));
            second.conversations().update(alice, conversation,
                    ConversationUpdate.empty().subject("brakes and tyres"));
            first.messages().create(customer, NewMessage.to("c1", "four").build());
            try (Messaging fresh = Messaging.builder(stores.get()).build()) {
                Conversation c = fresh.conversations().find(alice, conversation).orElseThrow();
                assertThat(c.subject()).isEqualTo("brakes and tyres");
                assertThat(c.assignedTo()).isEqualTo("alice");
                assertThat(c.lastMessageBody()).isEqualTo("four");
                assertThat(first.conversations().find(alice, conversation).orElseThrow()).isEqualTo(c);
                assertThat(fresh.verify(alice.tenant()).ok()).isTrue();
            }
        }
    }

    /** The page, read twice: its one row as expected both times. */
    private static void assertPage(Messaging messaging, Actor user, String text, int unread, boolean important) {
        for (int read = 0; read < 2; read++) {
            List<InboxEntry> items = messaging.inbox().list(user, InboxQuery.all()).items();
            assertThat(items).hasSize(1);
            InboxEntry entry = items.get(0);
            assertThat(entry.message().text()).as("last message, read %d", read).isEqualTo(text);
            assertThat(entry.conversation().lastMessageBody()).as("summary, read %d", read).isEqualTo(text);
            assertThat(entry.messageThreadMetadata().unreadMessagesCount()).as("unread, read %d", read).isEqualTo(unread);
            assertThat(entry.messageThreadMetadata().important()).as("important, read %d", read).isEqualTo(important);
        }
    }
}
