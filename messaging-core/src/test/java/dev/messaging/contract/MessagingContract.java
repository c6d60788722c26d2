package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.messaging.change.Change;
import dev.messaging.change.Operation;
import dev.messaging.common.Actor;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationChannel;
import dev.messaging.conversation.ConversationQuery;
import dev.messaging.conversation.ConversationStatus;
import dev.messaging.conversation.ConversationUpdate;
import dev.messaging.conversation.NewConversation;
import dev.messaging.error.ConflictException;
import dev.messaging.error.ForbiddenException;
import dev.messaging.error.NotFoundException;
import dev.messaging.error.ValidationException;
import dev.messaging.inbox.InboxEntry;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.inbox.InboxView;
import dev.messaging.message.AuthorType;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.DeliveryUpdate;
import dev.messaging.message.Direction;
import dev.messaging.message.Message;
import dev.messaging.message.MessageQuery;
import dev.messaging.message.NewMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rules of DESIGN.md about records, tenancy, who may do what, conversations, and soft delete,
 * restore and erase, checked against a store. Every store runs the contract suites unchanged
 * through a subclass that says only how to make the store ({@link #newStore()}). Grouped by
 * concept; each test is named by the rule it checks.
 */
public abstract class MessagingContract extends ContractSupport {

    @Nested
    @DisplayName("Records and versions")
    class Records {
        @Test
        void aNewRecordHasAnIdItsCreationTimeNoUpdateTimeAndVersionOne() {
            Instant now = tick();
            Conversation c = messaging.conversations().create(alice, NewConversation.forCustomer("c1"));
            assertThat(c.id()).isNotBlank();
            assertThat(c.createdDate()).isEqualTo(now);
            assertThat(c.updatedDate()).isNull();
            assertThat(c.companyId()).isEqualTo(company);
            assertThat(c.locationId()).isEqualTo(location);
            assertThat(c.meta().version()).isEqualTo(1);
            assertThat(c.meta().userId()).isEqualTo("alice");
            assertThat(messaging.conversations().find(alice, c.id())).contains(c);
        }

        @Test
        void everyChangeBumpsTheVersionByOneAndSetsUpdatedDate() {
            Conversation c = conversationOf("c1");
            Instant now = tick();
            Conversation updated = messaging.conversations().update(alice.withSession("s-1"), c.id(),
                    ConversationUpdate.empty().subject("Brakes"));
            assertThat(updated.version()).isEqualTo(2);
            assertThat(updated.updatedDate()).isEqualTo(now);
            assertThat(updated.meta().sessionId()).isEqualTo("s-1");
            assertThat(messaging.conversations().find(alice, c.id())).contains(updated);
        }

        @Test
        void anUpdateFromAStaleVersionIsAConflictNamingTheCurrentVersionAndChangesNothing() {
            Conversation c = conversationOf("c1");
            messaging.conversations().update(alice, c.id(), ConversationUpdate.empty().subject("one"));
            Object before = snapshot();
            ConflictException e = catchThrowableOfType(ConflictException.class, () -> messaging.conversations()
                    .update(alice, c.id(), ConversationUpdate.empty().subject("two").expectedVersion(1)));
            assertThat(e.currentVersion()).hasValue(2);
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.STALE_VERSION);
            assertThat(e.existingId()).isEqualTo(c.id());
            assertThat(messaging.conversations().find(alice, c.id()).orElseThrow().subject()).isEqualTo("one");
            assertUnchangedSince(before);
        }

        @Test
        void aNewMessageRefreshesTheSummaryWithoutBumpingTheConversationVersion() {
            Conversation c = conversationOf("c1");
            Message m = customerSays("c1", "hello there");
            Conversation after = messaging.conversations().find(alice, c.id()).orElseThrow();
            assertThat(after.version()).isEqualTo(1);
            assertThat(after.lastMessageId()).isEqualTo(m.id());
            assertThat(after.lastMessageBody()).isEqualTo("hello there");
            assertThat(after.lastMessageDate()).isEqualTo(m.createdDate());
            assertThat(after.lastMessageDirection()).isEqualTo(Direction.INBOUND);
        }

        @Test
        void timesAreTruncatedToMilliseconds() {
            clock.set(Instant.parse("2026-01-05T09:00:00.123456789Z"));
            Message m = messaging.messages().create(customer("c1"), NewMessage.to("c1", "hi").build());
            assertThat(m.createdDate()).isEqualTo(Instant.parse("2026-01-05T09:00:00.123Z"));
            assertThat(messaging.messages().find(alice, m.id()).orElseThrow().createdDate())
                    .isEqualTo(m.createdDate());
        }
    }

    @Nested
    @DisplayName("Tenancy")
    class Tenancy {
        Actor stranger() {
            return Actor.user("other-" + company, location, "alice");
        }

        Actor otherLocation() {
            return Actor.user(company, "loc-2", "alice");
        }

        @Test
        void anotherTenantsIdIsNotFoundAndNeverReturned() {
            Message m = customerSays("c1", "private");
            for (Actor outsider : List.of(stranger(), otherLocation())) {
                assertThat(messaging.conversations().find(outsider, m.conversationId())).isEmpty();
                assertThat(messaging.messages().find(outsider, m.id())).isEmpty();
                assertThatThrownBy(() -> messaging.messages().list(outsider, m.conversationId(), MessageQuery.first()))
                        .isInstanceOf(NotFoundException.class);
            }
        }

        @Test
        void anotherTenantsIdAsTheTargetOfAWriteIsNotFoundAndChangesNothing() {
            Message m = customerSays("c1", "private");
            Object before = snapshot();
            Actor outsider = stranger();
            List<Runnable> writes = List.of(
                    () -> messaging.conversations().update(outsider, m.conversationId(),
                            ConversationUpdate.empty().subject("x")),
                    () -> messaging.conversations().delete(outsider, m.conversationId(), null),
                    () -> messaging.conversations().restore(outsider, m.conversationId()),
                    () -> messaging.messages().delete(outsider, m.id(), null),
                    () -> messaging.messages().restore(outsider, m.id()),
                    () -> messaging.messages().updateDelivery(Actor.system(outsider.tenant().companyId(),
                            outsider.tenant().locationId()), m.id(), DeliveryUpdate.sms(DeliveryStatus.SENT)),
                    () -> messaging.threads().markRead(outsider, messaging.threads().threadId(outsider,
                            m.conversationId())));
            for (Runnable write : writes) {
                assertThatThrownBy(write::run).isInstanceOf(NotFoundException.class);
            }
            assertUnchangedSince(before);
        }

        @Test
        void anotherTenantsIdInARequestBodyIsAValidationErrorOnThatField() {
            Message m = customerSays("c1", "private");
            Object before = snapshot();
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> messaging.messages()
                    .create(stranger(), NewMessage.builder().conversationId(m.conversationId()).text("hi").build()));
            assertThat(e.fields()).containsExactly("conversationId");
            assertUnchangedSince(before);
        }

        @Test
        void listsInboxSearchAndFeedShowOnlyTheActorsTenant() {
            customerSays("c1", "mine");
            Actor outsider = stranger();
            messaging.messages().create(Actor.customer(outsider.tenant().companyId(), location, "c1"),
                    NewMessage.to("c1", "theirs").build());
            assertThat(inbox(alice, InboxQuery.all())).extracting(e -> e.message().text()).containsExactly("mine");
            assertThat(inbox(outsider, InboxQuery.all())).extracting(e -> e.message().text()).containsExactly("theirs");
            assertThat(messaging.conversations().search(alice, ConversationQuery.all()).items()).hasSize(1);
            assertThat(feed()).allSatisfy(change -> assertThat(change.payload().get("text")).isNotEqualTo("theirs"));
            assertThat(inbox(alice, InboxQuery.all().query("theirs"))).isEmpty();
        }
    }

    @Nested
    @DisplayName("Who may do what")
    class Access {
        @Test
        void aUserMayNotReadOrChangeAnotherUsersThread() {
            Message m = customerSays("c1", "hi");
            String alicesThread = threadId(alice, m.conversationId());
            Object before = snapshot();
            List<Runnable> calls = List.of(
                    () -> messaging.threads().find(bob, alicesThread),
                    () -> messaging.threads().markRead(bob, alicesThread),
                    () -> messaging.threads().markUnread(bob, alicesThread),
                    () -> messaging.threads().setImportant(bob, alicesThread, true),
                    () -> messaging.threads().setArchived(bob, alicesThread, true));
            for (Runnable call : calls) {
                assertThatThrownBy(call::run).isInstanceOf(ForbiddenException.class);
            }
            assertUnchangedSince(before);
        }

        @Test
        void aCustomerMayNotWriteIntoOrReadAnotherCustomersConversation() {
            Message m = customerSays("c1", "hi");
            Object before = snapshot();
            Actor mallory = customer("c2");
            assertThatThrownBy(() -> messaging.messages().create(mallory, NewMessage.to("c1", "boo").build()))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> messaging.messages().create(mallory,
                    NewMessage.builder().conversationId(m.conversationId()).text("boo").build()))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> messaging.messages().find(mallory, m.id())).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> messaging.conversations().find(mallory, m.conversationId()))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> messaging.messages().list(mallory, m.conversationId(), MessageQuery.first()))
                    .isInstanceOf(ForbiddenException.class);
            assertUnchangedSince(before);
        }

        @Test
        void aCustomerMayReadItsOwnConversation() {
            Message m = customerSays("c1", "hi");
            userSays(alice, "c1", "hello back");
            assertThat(messaging.messages().list(customer("c1"), m.conversationId(), MessageQuery.first()).items())
                    .extracting(Message::text).containsExactly("hi", "hello back");
            assertThat(messaging.conversations().find(customer("c1"), m.conversationId())).isPresent();
        }

        @Test
        void systemHasNoThreadsAndMayNotEditConversations() {
            Message m = customerSays("c1", "hi");
            String thread = threadId(alice, m.conversationId());
            Object before = snapshot();
            List<Runnable> calls = List.of(
                    () -> messaging.threads().markRead(system, thread),
                    () -> messaging.threads().markAllRead(system),
                    () -> messaging.threads().unreadTotal(system),
                    () -> messaging.inbox().list(system, InboxQuery.all()),
                    () -> messaging.conversations().create(system, NewConversation.forCustomer("c9")),
                    () -> messaging.conversations().update(system, m.conversationId(),
                            ConversationUpdate.empty().subject("x")),
                    () -> messaging.conversations().delete(system, m.conversationId(), null),
                    () -> messaging.messages().delete(system, m.id(), null));
            for (Runnable call : calls) {
                assertThatThrownBy(call::run).isInstanceOf(ForbiddenException.class);
            }
            assertUnchangedSince(before);
        }

        @Test
        void aCustomerMayNotUseStaffCalls() {
            Message m = customerSays("c1", "hi");
            Actor c1 = customer("c1");
            Object before = snapshot();
            List<Runnable> calls = List.of(
                    () -> messaging.inbox().list(c1, InboxQuery.all()),
                    () -> messaging.messages().delete(c1, m.id(), null),
                    () -> messaging.messages().updateDelivery(c1, m.id(), DeliveryUpdate.sms(DeliveryStatus.SENT)),
                    () -> messaging.conversations().search(c1, ConversationQuery.all()),
                    () -> messaging.changes().since(c1, 0, 10),
                    () -> messaging.notificationConfig().get(c1, "alice"));
            for (Runnable call : calls) {
                assertThatThrownBy(call::run).isInstanceOf(ForbiddenException.class);
            }
            assertUnchangedSince(before);
        }

        @Test
        void systemMayCreateMessagesUpdateDeliveryAndImportHistory() {
            customerSays("c1", "hi");
            tick();
            Message sent = messaging.messages().create(system, NewMessage.to("c1", "Your car is ready")
                    .sendSms(true).build());
            assertThat(sent.authorType()).isEqualTo(AuthorType.SYSTEM);
            assertThat(messaging.messages().updateDelivery(system, sent.id(), DeliveryUpdate.sms(DeliveryStatus.SENT))
                    .sms().status()).isEqualTo(DeliveryStatus.SENT);
            Message imported = messaging.messages().create(system, NewMessage.to("c1", "old").imported(true)
                    .createdDate(T0.minus(Duration.ofDays(30))).build());
            assertThat(imported.imported()).isTrue();
            assertThatThrownBy(() -> messaging.messages().create(alice, NewMessage.to("c1", "old").imported(true)
                    .build())).isInstanceOf(ForbiddenException.class);
        }
    }

    @Nested
    @DisplayName("Conversations")
    class Conversations {
        @Test
        void creatingASecondLiveConversationForACustomerIsAConflictNamingTheExistingOne() {
            Conversation first = messaging.conversations().create(alice, NewConversation.forCustomer("c1"));
            Object before = snapshot();
            ConflictException e = catchThrowableOfType(ConflictException.class,
                    () -> messaging.conversations().create(alice, NewConversation.forCustomer("c1")));
            assertThat(e.existingId()).isEqualTo(first.id());
            assertUnchangedSince(before);
        }

        @Test
        void aConversationKeepsItsMetadataAsGivenAndAnUpdateReplacesIt() {
            Map<String, Object> metadata = new LinkedHashMap<>();
            metadata.put("source", "import");
            metadata.put("retries", 2L);
            metadata.put("ratio", new BigDecimal("0.5"));
            metadata.put("tags", List.of("vip", "fleet"));
            metadata.put("nested", Map.of("flag", true));
            Conversation created = messaging.conversations().create(alice, NewConversation.forCustomer("c1")
                    .withMetadata(metadata));
            assertThat(created.metadata()).isEqualTo(metadata);
            assertThat(conversationOf("c1").metadata()).isEqualTo(metadata);
            Conversation updated = messaging.conversations().update(alice, created.id(),
                    ConversationUpdate.empty().metadata(Map.of("source", "crm")));
            assertThat(conversationOf("c1").metadata()).isEqualTo(Map.of("source", "crm"));
            assertThat(updated.meta().version()).isEqualTo(2);
            messaging.conversations().update(alice, created.id(), ConversationUpdate.empty().metadata(null));
            assertThat(conversationOf("c1").metadata()).isEmpty();
            Object before = snapshot();
            assertThatThrownBy(() -> messaging.conversations().update(alice, created.id(),
                    ConversationUpdate.empty().metadata(Map.of(" ", "blank key")))).isInstanceOfSatisfying(
                    ValidationException.class, e -> assertThat(e.fields()).allMatch(f -> f.startsWith("metadata")));
            assertUnchangedSince(before);
        }

        @Test
        void getOrCreateReturnsTheLiveConversationOrCreatesIt() {
            Conversation created = messaging.conversations().getOrCreate(alice, NewConversation.forCustomer("c1")
                    .withContact(new Contact("person", "Ann", "Lee", null, "ann@example.com", "+1555", "en")));
            Conversation again = messaging.conversations().getOrCreate(alice, NewConversation.forCustomer("c1"));
            assertThat(again).isEqualTo(created);
            assertThat(created.contact().firstName()).isEqualTo("Ann");
        }

        @Test
        void softDeletedConversationsAreIgnoredByCreateAndGetOrCreate() {
            Conversation first = conversationOf("c1");
            messaging.conversations().delete(alice, first.id(), "spam");
            Conversation second = messaging.conversations().create(alice, NewConversation.forCustomer("c1"));
            assertThat(second.id()).isNotEqualTo(first.id());
            assertThat(messaging.conversations().getOrCreate(alice, NewConversation.forCustomer("c1")).id())
                    .isEqualTo(second.id());
        }

        @Test
        void aMessageForACustomerWithNoConversationCreatesIt() {
            Message m = customerSays("c1", "hi");
            Conversation c = messaging.conversations().find(alice, m.conversationId()).orElseThrow();
            assertThat(c.customerId()).isEqualTo("c1");
            assertThat(conversationOf("c1").id()).isEqualTo(c.id());
        }

        @Test
        void anUpdateSetsAndClearsFields() {
            Conversation c = conversationOf("c1");
            Conversation assigned = messaging.conversations().update(alice, c.id(), ConversationUpdate.empty()
                    .assignedTo("bob").channel(ConversationChannel.TYPE_EMAIL).orderId("o-1"));
            assertThat(assigned.assignedTo()).isEqualTo("bob");
            assertThat(assigned.channel()).isEqualTo(ConversationChannel.TYPE_EMAIL);
            Conversation cleared = messaging.conversations().update(alice, c.id(),
                    ConversationUpdate.empty().assignedTo(null));
            assertThat(cleared.assignedTo()).isNull();
            assertThat(cleared.orderId()).isEqualTo("o-1");
        }

        @Test
        void snoozingNeedsATimeAndOtherStatusesClearIt() {
            Conversation c = conversationOf("c1");
            assertThatThrownBy(() -> messaging.conversations().update(alice, c.id(),
                    ConversationUpdate.empty().status(ConversationStatus.SNOOZED)))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.fields()).containsExactly("snoozedUntil"));
            Conversation snoozed = messaging.conversations().update(alice, c.id(),
                    ConversationUpdate.empty().snoozeUntil(T0.plus(Duration.ofDays(1))));
            assertThat(snoozed.status()).isEqualTo(ConversationStatus.SNOOZED);
            Conversation open = messaging.conversations().update(alice, c.id(),
                    ConversationUpdate.empty().status(ConversationStatus.OPEN));
            assertThat(open.snoozedUntil()).isNull();
        }
    }

    @Nested
    @DisplayName("Soft delete, restore and erase")
    class SoftDelete {
        @Test
        void deletingAConversationSetsItsDeletionAndHidesItFromInboxAndSearchButNotFromFind() {
            Message m = customerSays("c1", "hi");
            tick();
            Conversation deleted = messaging.conversations().delete(alice, m.conversationId(), "spam");
            assertThat(deleted.deleted()).isTrue();
            assertThat(deleted.deletedUserId()).isEqualTo("alice");
            assertThat(deleted.deletedReason()).isEqualTo("spam");
            assertThat(deleted.deletedDate()).isEqualTo(clock.instant());
            assertThat(messaging.conversations().find(alice, m.conversationId())).contains(deleted);
            assertThat(inbox(alice, InboxQuery.all())).isEmpty();
            assertThat(inbox(alice, InboxQuery.all().view(InboxView.ALL))).isEmpty();
            assertThat(messaging.conversations().search(alice, ConversationQuery.all()).items()).isEmpty();
            assertThat(messaging.conversations().search(alice, ConversationQuery.all().includeDeleted()).items())
                    .hasSize(1);
            assertThat(messaging.messages().find(alice, m.id()).orElseThrow().deleted()).isFalse();
        }

        @Test
        void restoringAConversationBringsItBack() {
            Message m = customerSays("c1", "hi");
            messaging.conversations().delete(alice, m.conversationId(), null);
            Conversation restored = messaging.conversations().restore(alice, m.conversationId());
            assertThat(restored.deleted()).isFalse();
            assertThat(restored.deletion()).isNull();
            assertThat(restored.version()).isEqualTo(3);
            assertThat(inboxCustomers(alice, InboxQuery.all())).containsExactly("c1");
        }

        @Test
        void restoringWhileAnotherLiveConversationExistsIsAConflictNamingTheLiveOne() {
            Conversation first = conversationOf("c1");
            messaging.conversations().delete(alice, first.id(), null);
            Conversation second = conversationOf("c1");
            Object before = snapshot();
            ConflictException e = catchThrowableOfType(ConflictException.class,
                    () -> messaging.conversations().restore(alice, first.id()));
            assertThat(e.existingId()).isEqualTo(second.id());
            assertUnchangedSince(before);
        }

        @Test
        void aDeletedMessageLeavesListsAndSummaryUnlessAskedAndFindStillReturnsIt() {
            Message first = customerSays("c1", "first");
            Message second = customerSays("c1", "second");
            tick();
            Message deleted = messaging.messages().delete(alice, second.id(), "typo");
            assertThat(deleted.deleted()).isTrue();
            assertThat(deleted.deletedReason()).isEqualTo("typo");
            assertThat(messaging.messages().find(alice, second.id())).contains(deleted);
            assertThat(messaging.messages().list(alice, first.conversationId(), MessageQuery.first()).items())
                    .extracting(Message::id).containsExactly(first.id());
            assertThat(messaging.messages().list(alice, first.conversationId(), MessageQuery.first().includeDeleted())
                    .items()).extracting(Message::id).containsExactly(first.id(), second.id());
            Conversation c = messaging.conversations().find(alice, first.conversationId()).orElseThrow();
            assertThat(c.lastMessageId()).isEqualTo(first.id());
            assertThat(c.lastMessageBody()).isEqualTo("first");
            messaging.messages().restore(alice, second.id());
            assertThat(messaging.conversations().find(alice, first.conversationId()).orElseThrow().lastMessageId())
                    .isEqualTo(second.id());
        }

        @Test
        void aConversationWhoseOnlyMessageIsDeletedLeavesTheInbox() {
            Message m = customerSays("c1", "only");
            messaging.messages().delete(alice, m.id(), null);
            assertThat(inbox(alice, InboxQuery.all().view(InboxView.ALL))).isEmpty();
            Conversation c = messaging.conversations().find(alice, m.conversationId()).orElseThrow();
            assertThat(c.lastMessageId()).isNull();
            assertThat(c.lastMessageDate()).isNull();
        }

        @Test
        void eraseRemovesTheCustomersRecordsAndFeedPayloadsAndRecordsTheErasure() {
            Message m = customerSays("c1", "my secret address");
            messaging.threads().markRead(alice, threadId(alice, m.conversationId()));
            customerSays("c2", "someone else");
            int erased = messaging.conversations().erase(alice, "c1");
            assertThat(erased).isEqualTo(1);
            assertThat(messaging.conversations().find(alice, m.conversationId())).isEmpty();
            assertThat(messaging.messages().find(alice, m.id())).isEmpty();
            assertThat(inboxCustomers(alice, InboxQuery.all())).containsExactly("c2");
            assertThat(inbox(alice, InboxQuery.all().query("secret"))).isEmpty();
            List<Change> changes = feed();
            assertThat(changes).noneMatch(c -> c.payload().containsValue("my secret address"));
            assertThat(changes).noneMatch(c -> "c1".equals(c.customerId()));
            Change erasure = changes.get(changes.size() - 1);
            assertThat(erasure.operation()).isEqualTo(Operation.ERASE);
            assertThat(erasure.actorId()).isEqualTo("alice");
            assertThat(erasure.entityId()).isEqualTo("c1");
            assertThat(messaging.conversations().getOrCreate(alice, NewConversation.forCustomer("c1")).id())
                    .isNotEqualTo(m.conversationId());
        }

        @Test
        void nothingOfAnErasedCustomerComesBackThroughRowsWrittenAfterIt() {
            customerSays("c1", "an older conversation");
            Message secret = customerSays("c2", "my secret address");
            assertThat(inboxCustomers(alice, InboxQuery.all())).containsExactly("c2", "c1"); // pages seen (cached)
            assertThat(messaging.messages().list(alice, secret.conversationId(), MessageQuery.first()).items())
                    .extracting(Message::text).containsExactly("my secret address");
            messaging.conversations().erase(alice, "c2"); // the newest conversation and message
            clock.advance(Duration.ofMinutes(1));
            Message next = customerSays("c3", "a new customer");
            List<InboxEntry> entries = inbox(alice, InboxQuery.all());
            assertThat(entries).extracting(e -> e.conversation().customerId()).containsExactly("c3", "c1");
            assertThat(entries.get(0).conversation().lastMessageBody()).isEqualTo("a new customer");
            assertThat(entries.get(0).message().text()).isEqualTo("a new customer");
            assertThat(messaging.messages().list(alice, next.conversationId(), MessageQuery.first()).items())
                    .extracting(Message::text).containsExactly("a new customer");
            assertThat(feed()).noneMatch(c -> c.payload().containsValue("my secret address"));
        }
    }
}
