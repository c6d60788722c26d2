package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.messaging.Messaging;
import dev.messaging.change.Change;
import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Deletion;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationQuery;
import dev.messaging.conversation.ConversationType;
import dev.messaging.conversation.GuestConversation;
import dev.messaging.conversation.NewConversation;
import dev.messaging.error.ConflictException;
import dev.messaging.error.ForbiddenException;
import dev.messaging.error.ValidationException;
import dev.messaging.history.ImportResult;
import dev.messaging.history.ImportedConversation;
import dev.messaging.history.ImportedMessage;
import dev.messaging.history.ReadMark;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.message.AuthorType;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.message.Translator;
import dev.messaging.notification.NotificationConfig;
import dev.messaging.outlet.Outlet;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.CustomerMessageCounters;
import dev.messaging.spi.MessageRow;
import dev.messaging.verify.ConsistencyReport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rules of the change feed, the consistency check, guest conversations, history import and
 * notification config, checked against a store (see {@link MessagingContract}).
 */
public abstract class FeedAndHistoryContract extends ContractSupport {

    @Nested
    @DisplayName("Change feed")
    class ChangeFeed {
        @Test
        void everyWriteAppendsOneChangeWithItsEntityVersionActorAndTime() {
            Message m = customerSays("c1", "hi");
            List<Change> changes = feed();
            assertThat(changes).extracting(Change::entityType)
                    .containsExactly(EntityType.CONVERSATION, EntityType.MESSAGE);
            Change created = changes.get(1);
            assertThat(created.entityId()).isEqualTo(m.id());
            assertThat(created.version()).isEqualTo(1);
            assertThat(created.operation()).isEqualTo(Operation.CREATE);
            assertThat(created.actorId()).isEqualTo("c1");
            assertThat(created.time()).isEqualTo(m.createdDate());
            assertThat(created.customerId()).isEqualTo("c1");
            tick();
            messaging.messages().delete(alice, m.id(), null);
            Change deleted = feed().get(2);
            assertThat(deleted.operation()).isEqualTo(Operation.DELETE);
            assertThat(deleted.version()).isEqualTo(2);
        }

        @Test
        void sequencesAreGapFreeAndSinceResumesWithoutMissingOrRepeating() {
            for (int i = 0; i < 5; i++) {
                customerSays("c" + i, "m");
            }
            List<Change> all = feed();
            assertThat(all).extracting(Change::sequence).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
            List<Change> firstHalf = messaging.changes().since(alice, 0, 4);
            List<Change> rest = messaging.changes().since(alice, firstHalf.get(3).sequence(), 100);
            List<Change> joined = new ArrayList<>(firstHalf);
            joined.addAll(rest);
            assertThat(joined).isEqualTo(all);
        }

        @Test
        void markReadAndMarkAllReadAreOneChangeEach() {
            Message m = customerSays("c1", "one");
            customerSays("c1", "two");
            long head = feedHead();
            messaging.threads().markRead(alice, threadId(alice, m.conversationId()));
            assertThat(feedHead()).isEqualTo(head + 1);
            customerSays("c1", "three");
            long later = feedHead();
            messaging.threads().markAllRead(alice);
            assertThat(feedHead()).isEqualTo(later + 1);
        }

        @Test
        void pruneDropsOldEntriesAndTheFeedGoesOn() {
            customerSays("c1", "old");
            clock.advance(Duration.ofDays(10));
            customerSays("c2", "new");
            int dropped = messaging.changes().prune(alice, clock.instant().minus(Duration.ofDays(1)));
            assertThat(dropped).isEqualTo(2);
            List<Change> left = messaging.changes().since(alice, 0, 100);
            assertThat(left).extracting(Change::sequence).containsExactly(3L, 4L);
            customerSays("c3", "newer");
            assertThat(feedHead()).isEqualTo(6);
        }

        @Test
        void pruneStopsAtTheFirstEntryNotOlderSoTheFeedStaysGapFree() {
            Instant start = clock.instant();
            customerSays("c1", "old");
            clock.advance(Duration.ofDays(10));
            customerSays("c2", "new");
            clock.set(start.plus(Duration.ofDays(1))); // the clock steps back nine days
            customerSays("c3", "stamped early");
            clock.advance(Duration.ofDays(20));
            int dropped = messaging.changes().prune(alice, start.plus(Duration.ofDays(5)));
            assertThat(dropped).isEqualTo(2);
            assertThat(messaging.changes().since(alice, 0, 100)).extracting(Change::sequence)
                    .containsExactly(3L, 4L, 5L, 6L);
            assertThat(messaging.changes().prune(alice, clock.instant())).isEqualTo(4);
            assertThat(messaging.changes().since(alice, 0, 100)).isEmpty();
        }

        @Test
        void aFailedWriteAppendsNothing() {
            Conversation c = conversationOf("c1");
            long head = feedHead();
            assertThatThrownBy(() -> messaging.conversations().create(alice, NewConversation.forCustomer("c1")))
                    .isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> messaging.messages().create(alice,
                    NewMessage.to("c2", "x").conversationId(c.id()).build())).isInstanceOf(ValidationException.class);
            assertThat(feedHead()).isEqualTo(head);
        }
    }

    @Nested
    @DisplayName("Consistency check")
    class Consistency {
        private void someActivity() {
            Message a = customerSays("c1", "one");
            customerSays("c1", "two");
            userSays(alice, "c1", "reply");
            Message b = customerSays("c2", "three");
            messaging.threads().markRead(alice, threadId(alice, a.conversationId()));
            messaging.messages().delete(alice, b.id(), null);
            customerSays("c2", "four");
            messaging.threads().markAllRead(bob);
            customerSays("c3", "five");
            messaging.threads().setArchived(alice, threadId(alice, b.conversationId()), true);
        }

        private void corrupt(String conversationId, UnaryOperator<ConversationRow> how) {
            store.inTransaction(alice.tenant(), tx -> {
                ConversationRow row = tx.findConversation(conversationId).orElseThrow();
                return tx.updateConversation(how.apply(row), row.conversation().version());
            });
        }

        @Test
        void aConsistentStorePassesTheCheck() {
            someActivity();
            ConsistencyReport report = messaging.verify(alice.tenant());
            assertThat(report.ok()).as("%s", report).isTrue();
            assertThat(report.conversations()).isEqualTo(3);
            assertThat(report.messages()).isEqualTo(6);
            assertThat(report.changes()).isPositive();
        }

        @Test
        void aCorruptedCounterIsNamed() {
            someActivity();
            String id = conversationOf("c1").id();
            corrupt(id, row -> row.with(new CustomerMessageCounters(5, 0, 5,
                    row.counters().lastLiveCustomerFeedSeq(), row.counters().lastCustomerFeedSeq(), 0)));
            ConsistencyReport report = messaging.verify(alice.tenant());
            assertThat(report.mismatches()).anySatisfy(m -> {
                assertThat(m.id()).isEqualTo(id);
                assertThat(m.what()).isEqualTo("customerCount");
                assertThat(m.expected()).isEqualTo("2");
                assertThat(m.actual()).isEqualTo("5");
            });
            assertThat(report.mismatches()).anySatisfy(m -> assertThat(m.what()).isEqualTo("unreadMessagesCount"));
        }

        @Test
        void aCorruptedSummaryIsNamed() {
            someActivity();
            String id = conversationOf("c3").id();
            corrupt(id, row -> row.with(row.conversation().toBuilder().lastMessageBody("tampered").build()));
            assertThat(messaging.verify(alice.tenant()).mismatches()).singleElement().satisfies(m -> {
                assertThat(m.id()).isEqualTo(id);
                assertThat(m.what()).isEqualTo("lastMessageBody");
                assertThat(m.expected()).isEqualTo("five");
            });
        }

        @Test
        void aMessageDeletedBehindTheRulesIsNamed() {
            someActivity();
            Message victim = customerSays("c3", "six");
            store.inTransaction(alice.tenant(), tx -> {
                MessageRow row = tx.findMessage(victim.id()).orElseThrow();
                return tx.updateMessage(row, row.with(row.message().toBuilder()
                        .deletion(new Deletion("x", clock.instant(), null)).build()));
            });
            assertThat(messaging.verify(alice.tenant()).mismatches()).extracting(m -> m.what())
                    .contains("deletedCustomerCount", "lastLiveCustomerNumber", "lastMessageId");
        }
    }

    @Nested
    @DisplayName("Guest conversations")
    class GuestConversations {
        @BeforeEach
        void outlets() {
            messaging.outlets().set(alice, new Outlet("spa", "Spa", true, 2));
            messaging.outlets().set(alice, new Outlet("desk", "Front desk", true, 1));
            messaging.outlets().set(alice, new Outlet("bar", "Bar", false, 0));
        }

        GuestConversation start(String outletCode, String text) {
            tick();
            return messaging.conversations().start(customer("g1"), NewConversation.forCustomer("g1")
                    .withContact(new Contact("guest", "Ana", "Silva", null, null, null, "pt"))
                    .withConversationType(ConversationType.GUEST).withOrderCode("res-9").withOutletCode(outletCode),
                    NewMessage.builder().text(text).build());
        }

        @Test
        void startCreatesTheConversationAndItsFirstMessageInOneCallWithTheFirstActiveOutlet() {
            GuestConversation started = start(null, "Towels please");
            assertThat(started.conversation().outletCode()).isEqualTo("desk");
            assertThat(started.conversation().conversationType()).isEqualTo(ConversationType.GUEST);
            assertThat(started.conversation().orderCode()).isEqualTo("res-9");
            assertThat(started.conversation().lastMessageId()).isEqualTo(started.message().id());
            assertThat(started.message().authorType()).isEqualTo(AuthorType.CUSTOMER);
            assertThat(messaging.outlets().list(alice)).extracting(Outlet::code).containsExactly("bar", "desk", "spa");
        }

        @Test
        void startOnALiveConversationAddsTheMessageAndKeepsItsOutlet() {
            GuestConversation first = start("spa", "Massage at 5?");
            GuestConversation second = start("desk", "And towels");
            assertThat(second.conversation().id()).isEqualTo(first.conversation().id());
            assertThat(second.conversation().outletCode()).isEqualTo("spa");
            assertThat(unread(alice, first.conversation().id())).isEqualTo(2);
        }

        @Test
        void anUnknownOrInactiveOutletIsAValidationErrorOnOutletCodeAndWritesNothing() {
            Object before = snapshot();
            for (String code : List.of("pool", "bar")) {
                assertThatThrownBy(() -> start(code, "hello")).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fields()).containsExactly("outletCode"));
            }
            assertUnchangedSince(before);
        }

        @Test
        void aConversationAndItsFirstMessageAreWrittenBothOrNeither() {
            tick();
            messaging.messages().create(customer("g2"), NewMessage.to("g2", "earlier").clientMessageId("k-1").build());
            messaging.conversations().delete(alice, conversationOf("g2").id(), "closed stay");
            Object before = snapshot();
            assertThatThrownBy(() -> messaging.conversations().start(customer("g2"), NewConversation.forCustomer("g2"),
                    NewMessage.builder().text("other text").clientMessageId("k-1").build()))
                    .isInstanceOf(ConflictException.class);
            assertUnchangedSince(before);
            assertThat(messaging.conversations().search(alice, ConversationQuery.all().contact("g2")).items()).isEmpty();
        }

        private Messaging translating(Translator translator) {
            return Messaging.builder(newStore()).clock(clock).translator(translator, tenant -> "en")
                    .translationTimeout(Duration.ofMillis(200)).build();
        }

        @Test
        void aTranslatorTranslatesCustomerMessagesIntoTheLocationsLanguageKeepingTheOriginal() {
            try (Messaging m = translating((text, from, to) -> "[" + from + ">" + to + "] " + text.toUpperCase())) {
                Message guest = m.conversations().start(customer("g3"), NewConversation.forCustomer("g3")
                        .withContact(new Contact("guest", "Ana", null, null, null, null, "pt")),
                        NewMessage.builder().text("toalhas").build()).message();
                assertThat(guest.text()).isEqualTo("[pt>en] TOALHAS");
                assertThat(guest.translation().originalText()).isEqualTo("toalhas");
                assertThat(guest.translation().isTranslated()).isTrue();
                assertThat(guest.translation().languageCode()).isEqualTo("pt");
                assertThat(m.messages().find(alice, guest.id()).orElseThrow()).isEqualTo(guest);
                Message staff = m.messages().create(alice, NewMessage.to("g3", "on the way").build());
                assertThat(staff.translation().isTranslated()).isFalse();
                assertThat(staff.text()).isEqualTo("on the way");
            }
        }

        @Test
        void withoutATranslatorNothingIsTranslated() {
            Message m = start(null, "toalhas").message();
            assertThat(m.translation().isTranslated()).isFalse();
            assertThat(m.text()).isEqualTo("toalhas");
            assertThat(m.translation().originalText()).isNull();
        }

        @Test
        void aTranslatorThatFailsOrTimesOutNeverLosesTheMessage() {
            try (Messaging failing = translating((text, from, to) -> {
                throw new IllegalStateException("translation service down");
            })) {
                Message m = failing.messages().create(customer("g4"), NewMessage.to("g4", "olá").languageCode("pt")
                        .build());
                assertThat(m.text()).isEqualTo("olá");
                assertThat(m.translation().isTranslated()).isFalse();
            }
            try (Messaging slow = translating((text, from, to) -> {
                Thread.sleep(5_000);
                return "too late";
            })) {
                long started = System.nanoTime();
                Message m = slow.messages().create(customer("g5"), NewMessage.to("g5", "olá").languageCode("pt")
                        .build());
                assertThat(m.text()).isEqualTo("olá");
                assertThat(m.translation().isTranslated()).isFalse();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
            }
        }
    }

    @Nested
    @DisplayName("History import")
    class HistoryImport {
        private final Instant day = T0.minus(Duration.ofDays(30));

        private Instant at(int minutes) {
            return day.plus(Duration.ofMinutes(minutes));
        }

        private ImportedConversation ann() {
            return new ImportedConversation(NewConversation.forCustomer("ann"), List.of(
                    ImportedMessage.fromUser("alice", at(20), NewMessage.to("ann", "we can do 9").sendSms(true).build()),
                    ImportedMessage.fromCustomer(at(10), NewMessage.to("ann", "brakes squeal").build()),
                    ImportedMessage.fromCustomer(at(30), NewMessage.to("ann", "9 works").build()),
                    ImportedMessage.fromCustomer(at(40), NewMessage.to("ann", "see you").build())),
                    List.of(new ReadMark("alice", at(30))));
        }

        @Test
        void messagesKeepTheirDatesAndAuthorsAndCountAsUnreadUnlessAReadMarkCoversThem() {
            ImportResult result = messaging.imports().history(system, List.of(ann()));
            assertThat(result).isEqualTo(new ImportResult(1, 4, 0));
            String id = conversationOf("ann").id();
            List<Message> messages = allMessages(id);
            assertThat(messages).extracting(Message::text)
                    .containsExactly("brakes squeal", "we can do 9", "9 works", "see you");
            assertThat(messages).extracting(Message::createdDate).containsExactly(at(10), at(20), at(30), at(40));
            assertThat(messages).extracting(Message::authorType).containsExactly(AuthorType.CUSTOMER, AuthorType.USER,
                    AuthorType.CUSTOMER, AuthorType.CUSTOMER);
            assertThat(messages).allSatisfy(m -> assertThat(m.imported()).isTrue());
            assertThat(messages.get(1).userId()).isEqualTo("alice");
            assertThat(messages.get(1).sms().status()).as("nothing is sent").isEqualTo(DeliveryStatus.PENDING);
            assertThat(unread(alice, id)).isEqualTo(1);
            assertThat(thread(alice, id).unreadTimestamp()).isEqualTo(at(40));
            assertThat(unread(bob, id)).isEqualTo(3);
            assertThat(messages.get(2).shopRead()).isTrue();
            assertThat(messages.get(3).shopRead()).isFalse();
            assertThat(conversationOf("ann").lastMessageBody()).isEqualTo("see you");
            assertThat(inbox(alice, InboxQuery.all())).extracting(e -> e.message().text()).containsExactly("see you");
            assertThat(messaging.verify(alice.tenant()).ok()).isTrue();
        }

        @Test
        void everyImportedMessageAndReadMarkIsAChange() {
            long before = feedHead();
            messaging.imports().history(system, List.of(ann()));
            List<Change> changes = feed().stream().filter(c -> c.sequence() > before).toList();
            assertThat(changes).extracting(Change::entityType, Change::operation).containsExactly(
                    Tuple.tuple(EntityType.CONVERSATION, Operation.CREATE),
                    Tuple.tuple(EntityType.MESSAGE, Operation.CREATE),
                    Tuple.tuple(EntityType.MESSAGE, Operation.CREATE),
                    Tuple.tuple(EntityType.MESSAGE, Operation.CREATE),
                    Tuple.tuple(EntityType.MESSAGE, Operation.CREATE),
                    Tuple.tuple(EntityType.THREAD, Operation.READ));
        }

        @Test
        void aMessageImportedAsDeletedIsKeptButNotCounted() {
            messaging.imports().history(system, List.of(ImportedConversation.of(NewConversation.forCustomer("ben"),
                    List.of(ImportedMessage.fromCustomer(at(1), NewMessage.to("ben", "hello").build()),
                            ImportedMessage.fromCustomer(at(2), NewMessage.to("ben", "oops").build())
                                    .deleted(new Deletion("alice", at(3), "typo"))))));
            String id = conversationOf("ben").id();
            assertThat(unread(alice, id)).isEqualTo(1);
            assertThat(conversationOf("ben").lastMessageBody()).isEqualTo("hello");
            assertThat(allMessages(id)).extracting(Message::deletedReason).containsExactly(null, "typo");
            assertThat(messaging.verify(alice.tenant()).ok()).isTrue();
        }

        @Test
        void importingAgainSkipsMessagesWithTheSameClientMessageIdAndOtherContentIsAConflict() {
            ImportedConversation once = ImportedConversation.of(NewConversation.forCustomer("cy"), List.of(
                    ImportedMessage.fromCustomer(at(1), NewMessage.to("cy", "one").clientMessageId("old-1").build()),
                    ImportedMessage.fromCustomer(at(2), NewMessage.to("cy", "two").clientMessageId("old-2").build())));
            assertThat(messaging.imports().history(system, List.of(once))).isEqualTo(new ImportResult(1, 2, 0));
            assertThat(messaging.imports().history(system, List.of(once))).isEqualTo(new ImportResult(0, 0, 2));
            assertThat(allMessages(conversationOf("cy").id())).hasSize(2);
            ImportedConversation changed = ImportedConversation.of(NewConversation.forCustomer("cy"), List.of(
                    ImportedMessage.fromCustomer(at(1), NewMessage.to("cy", "ONE").clientMessageId("old-1").build())));
            ConflictException e = catchThrowableOfType(ConflictException.class,
                    () -> messaging.imports().history(system, List.of(changed)));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.CLIENT_MESSAGE_ID_REUSED);
        }

        @Test
        void badInputIsListedByPathAndNothingIsWritten() {
            Object before = snapshot();
            List<ImportedConversation> bad = List.of(ann(), new ImportedConversation(NewConversation.forCustomer("dee"),
                    List.of(new ImportedMessage(AuthorType.USER, null, at(1), NewMessage.to("dee", "x").build(), null),
                            ImportedMessage.fromCustomer(null, NewMessage.to("dee", "y").build()),
                            ImportedMessage.fromCustomer(T0.plus(Duration.ofDays(1)), NewMessage.to("dee", "z").build()),
                            ImportedMessage.fromCustomer(at(2), NewMessage.to("dee", "w").sendSms(true).build())),
                    List.of(new ReadMark(" ", at(1)))));
            ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> messaging.imports().history(system, bad));
            assertThat(e.fields()).containsExactlyInAnyOrder("conversations[1].messages[0].userId",
                    "conversations[1].messages[1].createdDate", "conversations[1].messages[2].createdDate",
                    "conversations[1].messages[3].content.sendSms", "conversations[1].readMarks[0].userId");
            assertUnchangedSince(before);
        }

        @Test
        void onlyTheSystemImports() {
            Object before = snapshot();
            assertThatThrownBy(() -> messaging.imports().history(alice, List.of(ann())))
                    .isInstanceOf(ForbiddenException.class);
            assertUnchangedSince(before);
        }

        @Test
        void aLargeHistoryIsWrittenInSeveralTransactionsWithAGapFreeFeed() {
            List<ImportedConversation> many = new ArrayList<>();
            for (int c = 0; c < 30; c++) {
                List<ImportedMessage> messages = new ArrayList<>();
                for (int i = 0; i < 80; i++) {
                    messages.add(i % 3 == 0 ? ImportedMessage.fromUser("alice", at(i), NewMessage.to("k" + c, "r" + i).build())
                            : ImportedMessage.fromCustomer(at(i), NewMessage.to("k" + c, "m" + i).build()));
                }
                many.add(new ImportedConversation(NewConversation.forCustomer("k" + c), messages,
                        List.of(new ReadMark("bob", at(40)))));
            }
            assertThat(messaging.imports().history(system, many)).isEqualTo(new ImportResult(30, 2_400, 0));
            List<Change> changes = feed();
            for (int i = 0; i < changes.size(); i++) {
                assertThat(changes.get(i).sequence()).isEqualTo(i + 1);
            }
            assertThat(messaging.threads().unreadTotal(alice)).isEqualTo(30 * 53);
            assertThat(messaging.threads().unreadTotal(bob)).isEqualTo(30 * 26);
            assertThat(messaging.verify(alice.tenant()).ok()).isTrue();
        }
    }

    @Nested
    @DisplayName("Notification config")
    class Notifications {
        @Test
        void defaultsAreAllTrueForAUserNeverSet() {
            assertThat(messaging.notificationConfig().get(alice, "alice"))
                    .isEqualTo(new NotificationConfig("alice", true, true, true));
        }

        @Test
        void setReplacesTheUsersSettings() {
            messaging.notificationConfig().set(alice, new NotificationConfig("alice", false, true, false));
            assertThat(messaging.notificationConfig().get(system, "alice"))
                    .isEqualTo(new NotificationConfig("alice", false, true, false));
            assertThat(messaging.notificationConfig().get(alice, "bob")).isEqualTo(NotificationConfig.defaults("bob"));
        }

        @Test
        void aUserMayNotSetAnotherUsersSettings() {
            Object before = snapshot();
            assertThatThrownBy(() -> messaging.notificationConfig().set(bob,
                    new NotificationConfig("alice", false, false, false))).isInstanceOf(ForbiddenException.class);
            assertUnchangedSince(before);
            assertThat(messaging.notificationConfig().get(alice, "alice")).isEqualTo(NotificationConfig.defaults("alice"));
        }
    }
}
