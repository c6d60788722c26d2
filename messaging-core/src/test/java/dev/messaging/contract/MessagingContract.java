package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.messaging.Messaging;
import dev.messaging.change.Change;
import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Actor;
import dev.messaging.common.Deletion;
import dev.messaging.common.Page;
import dev.messaging.conversation.AssigneeFilter;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationChannel;
import dev.messaging.conversation.ConversationHit;
import dev.messaging.conversation.ConversationQuery;
import dev.messaging.conversation.ConversationStatus;
import dev.messaging.conversation.ConversationType;
import dev.messaging.conversation.ConversationUpdate;
import dev.messaging.conversation.GuestConversation;
import dev.messaging.conversation.NewConversation;
import dev.messaging.conversation.SearchSort;
import dev.messaging.conversation.SearchStatus;
import dev.messaging.error.ConflictException;
import dev.messaging.error.ForbiddenException;
import dev.messaging.error.NotFoundException;
import dev.messaging.error.ValidationException;
import dev.messaging.history.ImportResult;
import dev.messaging.history.ImportedConversation;
import dev.messaging.history.ImportedMessage;
import dev.messaging.history.ReadMark;
import dev.messaging.inbox.InboxEntry;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.inbox.InboxView;
import dev.messaging.message.AppointmentEvent;
import dev.messaging.message.AppointmentRef;
import dev.messaging.message.AuthorType;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.DeliveryUpdate;
import dev.messaging.message.Direction;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.EmailOptions;
import dev.messaging.message.EmailReplyMode;
import dev.messaging.message.Message;
import dev.messaging.message.MessageChannel;
import dev.messaging.message.MessageFile;
import dev.messaging.message.MessageLinks;
import dev.messaging.message.MessageOrigin;
import dev.messaging.message.MessageQuery;
import dev.messaging.message.MessageType;
import dev.messaging.message.NewMessage;
import dev.messaging.message.OrderRef;
import dev.messaging.message.OrderShareType;
import dev.messaging.message.SmsOptions;
import dev.messaging.message.SuggestedReply;
import dev.messaging.message.Translator;
import dev.messaging.notification.NotificationConfig;
import dev.messaging.outlet.Outlet;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.CustomerMessageCounters;
import dev.messaging.spi.MessageRow;
import dev.messaging.thread.ThreadMetadata;
import dev.messaging.verify.ConsistencyReport;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rules of DESIGN.md, checked against a store. Every store runs this suite unchanged through
 * a subclass that says only how to make the store ({@link #newStore()}). Grouped by concept; each
 * test is named by the rule it checks.
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

    @Nested
    @DisplayName("Messages")
    class Messages {
        @Test
        void aCustomersMessageHasNullSendFlagsAndInternalAndIsNotShopRead() {
            Message m = customerSays("c1", "hi");
            assertThat(m.authorType()).isEqualTo(AuthorType.CUSTOMER);
            assertThat(m.email().requested()).isNull();
            assertThat(m.sms().requested()).isNull();
            assertThat(m.internal()).isNull();
            assertThat(m.shopRead()).isFalse();
            assertThat(m.direction()).isEqualTo(Direction.INBOUND);
            assertThat(m.customerId()).isEqualTo("c1");
            assertThat(m.userId()).isNull();
        }

        @Test
        void aUsersMessageHasNullShopReadAndDefaultsFlagsAndStatuses() {
            tick();
            Message quiet = messaging.messages().create(alice, NewMessage.to("c1", "note").build());
            assertThat(quiet.shopRead()).isNull();
            assertThat(quiet.internal()).isFalse();
            assertThat(quiet.email().requested()).isFalse();
            assertThat(quiet.sms().requested()).isFalse();
            assertThat(quiet.email().status()).isNull();
            assertThat(quiet.sms().status()).isNull();
            assertThat(quiet.userId()).isEqualTo("alice");
            assertThat(quiet.direction()).isEqualTo(Direction.OUTBOUND);
            tick();
            Message sent = messaging.messages().create(alice, NewMessage.to("c1", "ready").sendSms(true)
                    .sendEmail(true).emailOptions(EmailOptions.subject("Your car")).build());
            assertThat(sent.sms().status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(sent.email().status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(sent.channel()).isEqualTo(MessageChannel.TYPE_SMS);
        }

        @Test
        void aMessageTypeTheLibraryDoesNotKnowIsStoredAndReadBackAsItCame() {
            tick();
            Message m = messaging.messages().create(customer("c1"), NewMessage.to("c1", "via a new channel")
                    .channel("TYPE_SOMETHING_NEW_2027").build());
            assertThat(m.channel().wireValue()).isEqualTo("TYPE_SOMETHING_NEW_2027");
            assertThat(m.channel().isKnown()).isFalse();
            assertThat(messaging.messages().find(alice, m.id()).orElseThrow().channel()).isEqualTo(m.channel());
            assertThat(conversationOf("c1").lastMessageType()).isEqualTo(m.channel());
            tick();
            Message campaign = messaging.messages().create(alice, NewMessage.to("c1", "hello")
                    .channel("TYPE_CAMPAIGN_SMS").build());
            assertThat(campaign.channel()).isSameAs(MessageChannel.TYPE_CAMPAIGN_SMS);
            Object before = snapshot();
            assertThatThrownBy(() -> messaging.messages().create(alice, NewMessage.to("c1", "x")
                    .channel("TYPE SMS; DROP").build())).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.fields()).containsExactly("channel"));
            assertUnchangedSince(before);
        }

        @Test
        void typeIsTransactionalUnlessACampaignIdIsSet() {
            assertThat(userSays(alice, "c1", "hi").type()).isEqualTo(MessageType.TRANSACTIONAL);
            tick();
            Message campaign = messaging.messages().create(system, NewMessage.to("c1", "20% off")
                    .links(MessageLinks.NONE.withCampaigns("camp-1", null)).origin(MessageOrigin.CAMPAIGN).build());
            assertThat(campaign.type()).isEqualTo(MessageType.MARKETING);
            assertThat(campaign.origin()).isEqualTo(MessageOrigin.CAMPAIGN);
        }

        @Test
        void anOrderShareNeedsItsTypeAndOrder() {
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> messaging.messages()
                    .create(alice, NewMessage.to("c1", "see order").order(OrderRef.share(null, null, null)).build()));
            assertThat(e.fields()).containsExactlyInAnyOrder("orderShareType", "orderId");
            Message share = messaging.messages().create(alice, NewMessage.to("c1", "see order")
                    .order(OrderRef.share("o-1", "1001", OrderShareType.INSPECTION)).build());
            assertThat(share.order().isShare()).isTrue();
            assertThat(share.order().orderNumber()).isEqualTo("1001");
        }

        @Test
        void anAppointmentConfirmationRequestNeedsItsAppointmentAndEvent() {
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> messaging.messages()
                    .create(alice, NewMessage.to("c1", "confirm?").appointment(AppointmentRef.confirm(null, null)).build()));
            assertThat(e.fields()).containsExactlyInAnyOrder("appointmentId", "appointmentEvent");
            Message ok = messaging.messages().create(alice, NewMessage.to("c1", "confirm?")
                    .appointment(AppointmentRef.confirm("a-1", AppointmentEvent.CONFIRM)).build());
            assertThat(ok.appointment().event()).isEqualTo(AppointmentEvent.CONFIRM);
        }

        @Test
        void anInternalNoteIsNeverSentAndNeverUnread() {
            customerSays("c1", "hi");
            tick();
            Message note = messaging.messages().create(alice, NewMessage.to("c1", "call him").internal(true).build());
            assertThat(note.internal()).isTrue();
            assertThat(note.sms().requested()).isFalse();
            assertThat(note.email().requested()).isFalse();
            assertThat(note.channel()).isEqualTo(MessageChannel.TYPE_INTERNAL_COMMENT);
            assertThat(unread(bob, note.conversationId())).isEqualTo(1);
            assertThatThrownBy(() -> messaging.messages().create(alice, NewMessage.to("c1", "x").internal(true)
                    .sendSms(true).build())).isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.fields()).containsExactly("sendSms"));
        }

        @Test
        void everyFieldOfTheRequestIsKeptAndReturned() {
            List<MessageFile> files = List.of(new MessageFile("f2", "https://x/2", "https://x/2t", 20L, "image/png", "b.png"),
                    new MessageFile("f1", "https://x/1", null, 10L, "application/pdf", "a.pdf"));
            EmailDetails email = new EmailDetails("alt", "thr", "text/plain", List.of("https://x/a"), "Gmail",
                    "shop@x.com", List.of("ann@x.com"), List.of("cc@x.com"), List.of(), "r-1", "workflow", "cp-1",
                    "<p>ready</p>", EmailReplyMode.REPLY);
            tick();
            Message m = messaging.messages().create(alice, NewMessage.to("c1", "ready").files(files)
                    .metadata(Map.of("k", "v"))
                    .links(new MessageLinks("v-1", "ve-1", "lr-1", null, null, "tpl-1"))
                    .smsOptions(new SmsOptions("p-1", true, "+15550001", "+15550002")).userColor("#ff0000").detached(true)
                    .suggestedReply(new SuggestedReply("ok?", null)).sendEmail(true)
                    .emailOptions(new EmailOptions("subj", "e-1", email)).build());
            Message found = messaging.messages().find(alice, m.id()).orElseThrow();
            assertThat(found).isEqualTo(m);
            assertThat(found.files()).extracting(MessageFile::id).containsExactly("f2", "f1");
            assertThat(found.emailOptions().details()).isEqualTo(email);
            assertThat(found.metadata()).containsEntry("k", "v");
            assertThat(found.userColor()).isEqualTo("#ff0000");
            assertThat(found.smsOptions().avoidQuietHours()).isTrue();
            assertThat(found.smsOptions().toNumber()).isEqualTo("+15550002");
            assertThat(found.links().templateId()).isEqualTo("tpl-1");
        }

        @Test
        void aRetryWithTheSameClientMessageIdAndContentReturnsTheFirstMessage() {
            NewMessage request = NewMessage.to("c1", "hi").clientMessageId("client-1").build();
            tick();
            Message first = messaging.messages().create(customer("c1"), request);
            long head = feedHead();
            tick();
            Message retry = messaging.messages().create(customer("c1"), request);
            assertThat(retry).isEqualTo(first);
            assertThat(feedHead()).isEqualTo(head);
            assertThat(messaging.messages().list(alice, first.conversationId(), MessageQuery.first()).items()).hasSize(1);
        }

        @Test
        void theSameClientMessageIdWithOtherContentIsAConflictNamingTheFirstMessage() {
            tick();
            Message first = messaging.messages().create(customer("c1"),
                    NewMessage.to("c1", "hi").clientMessageId("client-1").build());
            Object before = snapshot();
            ConflictException e = catchThrowableOfType(ConflictException.class, () -> messaging.messages()
                    .create(customer("c1"), NewMessage.to("c1", "bye").clientMessageId("client-1").build()));
            assertThat(e.existingId()).isEqualTo(first.id());
            assertUnchangedSince(before);
        }

        @Test
        void historyImportMaySetCreatedDateAndOtherCreatesTakeTheClock() {
            Instant past = Instant.parse("2020-02-02T10:00:00Z");
            Message imported = messaging.messages().create(system, NewMessage.to("c1", "old").imported(true)
                    .createdDate(past).build());
            assertThat(imported.createdDate()).isEqualTo(past);
            Message now = customerSays("c1", "new");
            assertThat(now.createdDate()).isEqualTo(clock.instant());
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> messaging.messages()
                    .create(alice, NewMessage.to("c1", "x").createdDate(past).build()));
            assertThat(e.fields()).containsExactly("createdDate");
        }

        @Test
        void anImportedOlderMessageDoesNotReplaceANewerSummary() {
            Message recent = customerSays("c1", "recent");
            messaging.messages().create(system, NewMessage.to("c1", "old").imported(true)
                    .createdDate(Instant.parse("2020-02-02T10:00:00Z")).build());
            assertThat(messaging.conversations().find(alice, recent.conversationId()).orElseThrow().lastMessageId())
                    .isEqualTo(recent.id());
        }

        @Test
        void listReturnsMessagesOldestFirstPagedBothWays() {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                ids.add(customerSays("c1", "m" + i).id());
            }
            String conversationId = messaging.messages().find(alice, ids.get(0)).orElseThrow().conversationId();
            Page<Message> first = messaging.messages().list(alice, conversationId, MessageQuery.first().limit(3));
            assertThat(first.items()).extracting(Message::id).containsExactlyElementsOf(ids.subList(0, 3));
            assertThat(first.hasMore()).isTrue();
            Page<Message> second = messaging.messages().list(alice, conversationId,
                    MessageQuery.first().limit(3).after(first.nextCursor()));
            assertThat(second.items()).extracting(Message::id).containsExactlyElementsOf(ids.subList(3, 6));
            Page<Message> third = messaging.messages().list(alice, conversationId,
                    MessageQuery.first().limit(3).after(second.nextCursor()));
            assertThat(third.items()).extracting(Message::id).containsExactly(ids.get(6));
            assertThat(third.hasMore()).isFalse();
            assertThat(third.nextCursor()).isNull();
            Page<Message> back = messaging.messages().list(alice, conversationId,
                    MessageQuery.first().limit(2).before(second.nextCursor()));
            assertThat(back.items()).extracting(Message::id).containsExactlyElementsOf(ids.subList(3, 5));
            Page<Message> further = messaging.messages().list(alice, conversationId,
                    MessageQuery.first().limit(10).before(back.nextCursor()));
            assertThat(further.items()).extracting(Message::id).containsExactlyElementsOf(ids.subList(0, 3));
            assertThat(further.hasMore()).isFalse();
        }

        @Test
        void deliveryStatusMovesOnlyForwardWithHistoryAndStaleUpdatesAreIgnored() {
            tick();
            Message m = messaging.messages().create(alice, NewMessage.to("c1", "ready").sendSms(true).build());
            tick();
            Message sent = messaging.messages().updateDelivery(system, m.id(), DeliveryUpdate.sms(DeliveryStatus.SENT));
            tick();
            Message read = messaging.messages().updateDelivery(system, m.id(), DeliveryUpdate.sms(DeliveryStatus.READ));
            long head = feedHead();
            tick();
            Message stale = messaging.messages().updateDelivery(system, m.id(),
                    DeliveryUpdate.sms(DeliveryStatus.DELIVERED));
            assertThat(stale).isEqualTo(read);
            assertThat(feedHead()).isEqualTo(head);
            assertThat(read.sms().status()).isEqualTo(DeliveryStatus.READ);
            assertThat(read.sms().history()).extracting(d -> d.status())
                    .containsExactly(DeliveryStatus.SENT, DeliveryStatus.READ);
            assertThat(read.sms().history().get(0).date()).isEqualTo(sent.updatedDate());
            assertThat(read.version()).isEqualTo(3);
        }

        @Test
        void errorIsFinalAndKeepsItsMessage() {
            tick();
            Message m = messaging.messages().create(alice, NewMessage.to("c1", "ready").sendEmail(true).build());
            Message failed = messaging.messages().updateDelivery(system, m.id(),
                    DeliveryUpdate.email(DeliveryStatus.ERROR).withError("mailbox full"));
            assertThat(failed.email().status()).isEqualTo(DeliveryStatus.ERROR);
            assertThat(failed.email().error()).isEqualTo("mailbox full");
            assertThat(failed.email().history()).singleElement()
                    .satisfies(d -> assertThat(d.error()).isEqualTo("mailbox full"));
            Message after = messaging.messages().updateDelivery(system, m.id(),
                    DeliveryUpdate.email(DeliveryStatus.DELIVERED));
            assertThat(after).isEqualTo(failed);
        }

        @Test
        void aDeliveryUpdateForAChannelTheMessageWasNotSentOnIsAValidationError() {
            Message m = userSays(alice, "c1", "hi");
            ValidationException e = catchThrowableOfType(ValidationException.class, () -> messaging.messages()
                    .updateDelivery(system, m.id(), DeliveryUpdate.sms(DeliveryStatus.SENT)));
            assertThat(e.fields()).containsExactly("channel");
        }
    }

    @Nested
    @DisplayName("Bad input")
    class BadInput {
        void rejects(Supplier<?> call, String... fields) {
            Object before = snapshot();
            ValidationException e = catchThrowableOfType(ValidationException.class, call::get);
            assertThat(e).as("a validation error").isNotNull();
            assertThat(e.fields()).containsExactlyInAnyOrder(fields);
            assertThat(e.getMessage()).contains(fields);
            assertUnchangedSince(before);
        }

        Supplier<?> create(NewMessage request) {
            return () -> messaging.messages().create(alice, request);
        }

        @Test
        void aMissingTextIsRejected() {
            rejects(create(NewMessage.builder().customerId("c1").build()), "text");
            rejects(create(NewMessage.to("c1", "   ").build()), "text");
        }

        @Test
        void aMissingCustomerAndConversationIsRejected() {
            rejects(create(NewMessage.builder().text("hi").build()), "customerId");
        }

        @Test
        void everyProblemIsListed() {
            rejects(create(NewMessage.builder().order(OrderRef.share(null, null, null)).build()), "text", "customerId", "orderShareType",
                    "orderId");
        }

        @Test
        void textOverTheConfiguredLengthIsRejected() {
            rejects(create(NewMessage.to("c1", "x".repeat(maxTextLength() + 1)).build()), "text");
            assertThat(messaging.messages().create(alice, NewMessage.to("c1", "x".repeat(maxTextLength())).build())
                    .text()).hasSize(maxTextLength());
        }

        @Test
        void aNulCharacterIsRejected() {
            rejects(create(NewMessage.to("c1", "a\u0000b").build()), "text");
        }

        @Test
        void controlCharactersOtherThanTabCrLfAreRejected() {
            rejects(create(NewMessage.to("c1", "bell\u0007").build()), "text");
            rejects(create(NewMessage.to("c1", "esc\u001b[0m").build()), "text");
            rejects(create(NewMessage.to("c1\u0001", "hi").build()), "customerId");
            String allowed = "line one\r\nline\ttwo\n";
            assertThat(messaging.messages().create(alice, NewMessage.to("c1", allowed).build()).text())
                    .isEqualTo(allowed);
        }

        @Test
        void loneSurrogatesAreRejected() {
            rejects(create(NewMessage.to("c1", "broken \ud83d here").build()), "text");
            rejects(create(NewMessage.to("c1", "broken \ude00").build()), "text");
        }

        @Test
        void otherUnicodeIsAcceptedAndReturnedExactly() {
            String text = "Grüße 👋🏽 — 東京 'quoted' \"double\" ; DROP TABLE message; -- % _ \\";
            Message m = messaging.messages().create(alice, NewMessage.to("c1", text).build());
            assertThat(messaging.messages().find(alice, m.id()).orElseThrow().text()).isEqualTo(text);
        }

        @Test
        void sqlMetacharactersAndQuotesInEveryTextFieldComeBackVerbatim() {
            String evil = "Robert'); DROP TABLE message;-- \" % _ \\ ` ${x} :name ? * \u00e9";
            String id = "id-'\";--%_?";
            Contact contact = new Contact(evil, evil, evil, evil, evil, evil, evil);
            Conversation c = messaging.conversations().create(alice, NewConversation.forCustomer(id).withContact(contact)
                    .withSubject(evil).withAssignedTo(id).withOrderId(id));
            assertThat(messaging.conversations().find(alice, c.id()).orElseThrow()).isEqualTo(c);
            assertThat(c.contact()).isEqualTo(contact);
            EmailDetails email = new EmailDetails(evil, evil, evil, List.of(evil), evil, evil, List.of(evil),
                    List.of(evil), List.of(evil), evil, evil, evil);
            tick();
            Message m = messaging.messages().create(alice, NewMessage.to(id, evil).sendEmail(true)
                    .files(List.of(new MessageFile(id, evil, evil, 1L, evil, evil))).metadata(Map.of(evil, evil))
                    .clientMessageId(id).order(OrderRef.of(id, evil)).userColor(evil)
                    .suggestedReply(new SuggestedReply(evil, null))
                    .emailOptions(new EmailOptions(evil, null, email)).build());
            Message found = messaging.messages().find(alice, m.id()).orElseThrow();
            assertThat(found).isEqualTo(m);
            assertThat(found.text()).isEqualTo(evil);
            Message failed = messaging.messages().updateDelivery(system, m.id(),
                    DeliveryUpdate.email(DeliveryStatus.ERROR).withError(evil));
            assertThat(messaging.messages().find(alice, m.id()).orElseThrow().email().history().get(0).error())
                    .isEqualTo(evil);
            assertThat(failed.email().error()).isEqualTo(evil);
            Message deleted = messaging.messages().delete(alice, m.id(), evil);
            assertThat(messaging.messages().find(alice, m.id()).orElseThrow().deletedReason()).isEqualTo(evil);
            messaging.messages().restore(alice, deleted.id());
            assertThat(inbox(alice, InboxQuery.all().query(evil))).extracting(e -> e.message().id())
                    .containsExactly(m.id());
            assertThat(inbox(alice, InboxQuery.all().assignee(AssigneeFilter.user(id)))).hasSize(1);
            assertThat(messaging.conversations().search(alice, ConversationQuery.all().contact(id).query(evil))
                    .items()).hasSize(1);
            messaging.notificationConfig().set(Actor.user(company, location, id),
                    new NotificationConfig(id, false, true, false));
            assertThat(messaging.notificationConfig().get(alice, id).userId()).isEqualTo(id);
        }

        @Test
        void anUnknownEnumValueIsRejectedNamingTheField() {
            assertThatThrownBy(() -> MessageOrigin.fromWire("Fax")).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.fields()).containsExactly("origin"));
            assertThatThrownBy(() -> DeliveryStatus.fromWire("pending")).isInstanceOfSatisfying(
                    ValidationException.class, e -> assertThat(e.fields()).containsExactly("status"));
            assertThatThrownBy(() -> ConversationChannel.fromCode(7)).isInstanceOf(ValidationException.class);
            assertThat(MessageOrigin.fromWire("CustomerOrderPage")).isEqualTo(MessageOrigin.CUSTOMER_ORDER_PAGE);
            assertThat(MessageOrigin.CUSTOMER_ORDER_PAGE.wireValue()).isEqualTo("CustomerOrderPage");
            assertThat(ConversationChannel.fromCode(2)).isEqualTo(ConversationChannel.TYPE_EMAIL);
        }

        @Test
        void aLimitOutsideOneToAHundredIsRejected() {
            customerSays("c1", "hi");
            rejects(() -> messaging.inbox().list(alice, InboxQuery.all().limit(0)), "limit");
            rejects(() -> messaging.inbox().list(alice, InboxQuery.all().limit(101)), "limit");
            rejects(() -> messaging.inbox().list(alice, InboxQuery.all().limit(-5)), "limit");
            rejects(() -> messaging.conversations().search(alice, ConversationQuery.all().limit(1000)), "limit");
            rejects(() -> messaging.changes().since(alice, 0, 0), "limit");
            assertThat(messaging.inbox().list(alice, InboxQuery.all().limit(100)).items()).hasSize(1);
        }

        @Test
        void aMalformedCursorIsRejected() {
            customerSays("c1", "hi");
            rejects(() -> messaging.inbox().list(alice, InboxQuery.all().after("not a cursor")), "after");
            rejects(() -> messaging.inbox().list(alice, InboxQuery.all().after("YWJj")), "after");
            rejects(() -> messaging.conversations().search(alice, ConversationQuery.all().after("%%%")),
                    "after");
        }

        @Test
        void aCursorReusedWithOtherFiltersIsRejected() {
            customerSays("c1", "hi");
            customerSays("c2", "hi");
            String cursor = messaging.inbox().list(alice, InboxQuery.all().limit(1)).nextCursor();
            assertThat(cursor).isNotNull();
            rejects(() -> messaging.inbox().list(alice, InboxQuery.all().unreadOnly().limit(1).after(cursor)),
                    "after");
            rejects(() -> messaging.inbox().list(bob, InboxQuery.all().limit(1).after(cursor)), "after");
        }

        @Test
        void badContactAndFileFieldsAreNamedByPath() {
            rejects(() -> messaging.conversations().create(alice, NewConversation.forCustomer("c1")
                    .withContact(new Contact(null, "Ann\u0000", null, null, null, null, null))), "contact.firstName");
            rejects(create(NewMessage.to("c1", "hi").files(List.of(new MessageFile(null, null, null, -1L, null, null)))
                    .build()), "files[0].id", "files[0].url", "files[0].fileSize");
        }

        @Test
        void anOversizedQueryIsRejected() {
            rejects(() -> messaging.inbox().list(alice, InboxQuery.all().query("q".repeat(1001))), "query");
            rejects(() -> messaging.inbox().list(alice, InboxQuery.all().query("!!!")), "query");
        }
    }

    @Nested
    @DisplayName("Unread counts")
    class UnreadCounts {
        @Test
        void unreadCountsTheCustomersMessagesSinceTheUserLastReadAndTimestampIsTheOldest() {
            Message first = customerSays("c1", "one");
            customerSays("c1", "two");
            userSays(alice, "c1", "reply");
            ThreadMetadata t = thread(alice, first.conversationId());
            assertThat(t.unreadMessagesCount()).isEqualTo(2);
            assertThat(t.unreadTimestamp()).isEqualTo(first.createdDate());
            assertThat(t.userId()).isEqualTo("alice");
            assertThat(t.customerId()).isEqualTo("c1");
            assertThat(t.conversationId()).isEqualTo(first.conversationId());
        }

        @Test
        void markReadSetsTheCountToZeroAndMarksTheMessagesShopRead() {
            Message first = customerSays("c1", "one");
            ThreadMetadata read = messaging.threads().markRead(alice, threadId(alice, first.conversationId()));
            assertThat(read.unreadMessagesCount()).isZero();
            assertThat(read.unreadTimestamp()).isNull();
            assertThat(read.version()).isEqualTo(2);
            assertThat(messaging.messages().find(alice, first.id()).orElseThrow().shopRead()).isTrue();
            Message second = customerSays("c1", "two");
            assertThat(second.shopRead()).isFalse();
            ThreadMetadata t = thread(alice, first.conversationId());
            assertThat(t.unreadMessagesCount()).isEqualTo(1);
            assertThat(t.unreadTimestamp()).isEqualTo(second.createdDate());
        }

        @Test
        void eachUserHasTheirOwnCount() {
            Message m = customerSays("c1", "one");
            messaging.threads().markRead(alice, threadId(alice, m.conversationId()));
            assertThat(unread(alice, m.conversationId())).isZero();
            assertThat(unread(bob, m.conversationId())).isEqualTo(1);
        }

        @Test
        void markUnreadMovesTheHorizonBackToJustBeforeTheNewestCustomerMessage() {
            Message first = customerSays("c1", "one");
            Message second = customerSays("c1", "two");
            String thread = threadId(alice, first.conversationId());
            messaging.threads().markRead(alice, thread);
            ThreadMetadata t = messaging.threads().markUnread(alice, thread);
            assertThat(t.unreadMessagesCount()).isEqualTo(1);
            assertThat(t.unreadTimestamp()).isEqualTo(second.createdDate());
        }

        @Test
        void markUnreadNeverMovesTheHorizonForward() {
            Message first = customerSays("c1", "one");
            customerSays("c1", "two");
            String thread = threadId(alice, first.conversationId());
            long head = feedHead();
            assertThat(messaging.threads().markUnread(alice, thread).unreadMessagesCount()).isEqualTo(2);
            assertThat(feedHead()).isEqualTo(head);
        }

        @Test
        void markUnreadWithNoCustomerMessageChangesNothing() {
            Message m = userSays(alice, "c1", "hello");
            long head = feedHead();
            ThreadMetadata t = messaging.threads().markUnread(alice, threadId(alice, m.conversationId()));
            assertThat(t.unreadMessagesCount()).isZero();
            assertThat(t.version()).isEqualTo(1);
            assertThat(feedHead()).isEqualTo(head);
        }

        @Test
        void writingTheUnreadCountMeansZeroReadOneUnreadAndNothingElse() {
            Message m = customerSays("c1", "one");
            customerSays("c1", "two");
            String thread = threadId(alice, m.conversationId());
            assertThat(messaging.threads().setUnreadCount(alice, thread, 0).unreadMessagesCount()).isZero();
            assertThat(messaging.threads().setUnreadCount(alice, thread, 1).unreadMessagesCount()).isEqualTo(1);
            Object before = snapshot();
            assertThatThrownBy(() -> messaging.threads().setUnreadCount(alice, thread, 2))
                    .isInstanceOfSatisfying(ValidationException.class,
                            e -> assertThat(e.fields()).containsExactly("unreadCount"));
            assertUnchangedSince(before);
        }

        @Test
        void markAllReadReadsEveryThreadOfTheLocationInOneChange() {
            Message a = customerSays("c1", "one");
            Message b = customerSays("c2", "two");
            customerSays("c2", "three");
            long head = feedHead();
            messaging.threads().markAllRead(alice);
            assertThat(feedHead()).isEqualTo(head + 1);
            assertThat(unread(alice, a.conversationId())).isZero();
            assertThat(unread(alice, b.conversationId())).isZero();
            assertThat(unread(bob, b.conversationId())).isEqualTo(2);
            assertThat(messaging.messages().find(alice, b.id()).orElseThrow().shopRead()).isTrue();
            Message later = customerSays("c2", "four");
            assertThat(unread(alice, b.conversationId())).isEqualTo(1);
            assertThat(thread(alice, b.conversationId()).unreadTimestamp()).isEqualTo(later.createdDate());
        }

        @Test
        void markUnreadAfterMarkAllReadCountsTheNewestMessage() {
            Message a = customerSays("c1", "one");
            customerSays("c1", "two");
            messaging.threads().markAllRead(alice);
            ThreadMetadata t = messaging.threads().markUnread(alice, threadId(alice, a.conversationId()));
            assertThat(t.unreadMessagesCount()).isEqualTo(1);
            messaging.threads().markAllRead(alice);
            assertThat(unread(alice, a.conversationId())).isZero();
        }

        @Test
        void deletingAnUnreadCustomerMessageLowersTheCountAndRestoringRaisesIt() {
            Message first = customerSays("c1", "one");
            Message second = customerSays("c1", "two");
            Message third = customerSays("c1", "three");
            messaging.messages().delete(alice, first.id(), null);
            ThreadMetadata t = thread(bob, first.conversationId());
            assertThat(t.unreadMessagesCount()).isEqualTo(2);
            assertThat(t.unreadTimestamp()).isEqualTo(second.createdDate());
            messaging.messages().delete(alice, third.id(), null);
            assertThat(unread(bob, first.conversationId())).isEqualTo(1);
            messaging.messages().restore(alice, first.id());
            messaging.messages().restore(alice, third.id());
            t = thread(bob, first.conversationId());
            assertThat(t.unreadMessagesCount()).isEqualTo(3);
            assertThat(t.unreadTimestamp()).isEqualTo(first.createdDate());
        }

        @Test
        void deletingTheOnlyUnreadMessageMakesTheThreadRead() {
            Message m = customerSays("c1", "one");
            messaging.messages().delete(alice, m.id(), null);
            assertThat(unread(bob, m.conversationId())).isZero();
            assertThat(inbox(bob, InboxQuery.all().unreadOnly())).isEmpty();
        }

        @Test
        void messagesOfUsersAndSystemNeverCountAsUnread() {
            Message m = userSays(alice, "c1", "hello");
            tick();
            messaging.messages().create(system, NewMessage.to("c1", "reminder").build());
            assertThat(unread(bob, m.conversationId())).isZero();
        }

        @Test
        void unreadTotalIsTheSumOverTheUsersVisibleThreads() {
            customerSays("c1", "one");
            customerSays("c1", "two");
            Message c2 = customerSays("c2", "three");
            Message c3 = customerSays("c3", "four");
            assertThat(messaging.threads().unreadTotal(alice)).isEqualTo(4);
            messaging.threads().setArchived(alice, threadId(alice, c3.conversationId()), true);
            assertThat(messaging.threads().unreadTotal(alice)).isEqualTo(3);
            messaging.threads().markRead(alice, threadId(alice, c2.conversationId()));
            assertThat(messaging.threads().unreadTotal(alice)).isEqualTo(2);
            assertThat(messaging.threads().unreadTotal(bob)).isEqualTo(4);
        }

        @Test
        void aCustomerMessageClearsTheUsersArchiveAndTheShopWideArchive() {
            Message m = customerSays("c1", "one");
            String thread = threadId(alice, m.conversationId());
            assertThat(messaging.threads().setArchived(alice, thread, true).archived()).isTrue();
            messaging.conversations().update(bob, m.conversationId(), ConversationUpdate.empty().archived(true));
            assertThat(inbox(alice, InboxQuery.all())).isEmpty();
            customerSays("c1", "two");
            assertThat(thread(alice, m.conversationId()).archived()).isFalse();
            assertThat(messaging.conversations().find(alice, m.conversationId()).orElseThrow().archived()).isFalse();
            assertThat(inboxCustomers(alice, InboxQuery.all())).containsExactly("c1");
        }

        @Test
        void aUserReplyDoesNotClearTheArchive() {
            Message m = customerSays("c1", "one");
            messaging.threads().setArchived(alice, threadId(alice, m.conversationId()), true);
            userSays(bob, "c1", "reply");
            assertThat(thread(alice, m.conversationId()).archived()).isTrue();
        }

        @Test
        void aCustomerMessageWakesASnoozedConversation() {
            Message m = customerSays("c1", "one");
            messaging.conversations().update(alice, m.conversationId(),
                    ConversationUpdate.empty().snoozeUntil(T0.plus(Duration.ofDays(3))));
            assertThat(inbox(alice, InboxQuery.all())).isEmpty();
            customerSays("c1", "two");
            Conversation c = messaging.conversations().find(alice, m.conversationId()).orElseThrow();
            assertThat(c.status()).isEqualTo(ConversationStatus.OPEN);
            assertThat(c.snoozedUntil()).isNull();
            assertThat(inboxCustomers(alice, InboxQuery.all())).containsExactly("c1");
        }

        @Test
        void importantIsPerUser() {
            Message m = customerSays("c1", "one");
            ThreadMetadata t = messaging.threads().setImportant(alice, threadId(alice, m.conversationId()), true);
            assertThat(t.important()).isTrue();
            assertThat(thread(bob, m.conversationId()).important()).isFalse();
        }
    }

    @Nested
    @DisplayName("Inbox")
    class Inbox {
        @Test
        void oneRowPerThreadNewestFirstWithItsNewestMessageThreadAndContact() {
            conversationOf("c0");
            customerSays("c1", "old");
            customerSays("c2", "middle");
            Message newest = customerSays("c1", "newest");
            List<InboxEntry> entries = inbox(alice, InboxQuery.all());
            assertThat(entries).extracting(e -> e.conversation().customerId()).containsExactly("c1", "c2");
            InboxEntry top = entries.get(0);
            assertThat(top.message()).isEqualTo(messaging.messages().find(alice, newest.id()).orElseThrow());
            assertThat(top.messageThreadMetadata().unreadMessagesCount()).isEqualTo(2);
            assertThat(top.messageThreadMetadata().userId()).isEqualTo("alice");
        }

        @Test
        void tiesAreOrderedByConversationId() {
            Message a = messaging.messages().create(customer("c1"), NewMessage.to("c1", "same time").build());
            Message b = messaging.messages().create(customer("c2"), NewMessage.to("c2", "same time").build());
            assertThat(a.createdDate()).isEqualTo(b.createdDate());
            List<String> expected = a.conversationId().compareTo(b.conversationId()) > 0
                    ? List.of(a.conversationId(), b.conversationId()) : List.of(b.conversationId(), a.conversationId());
            assertThat(inbox(alice, InboxQuery.all())).extracting(e -> e.conversation().id())
                    .containsExactlyElementsOf(expected);
            assertThat(allPages(alice, InboxQuery.all().limit(1))).extracting(e -> e.conversation().id())
                    .containsExactlyElementsOf(expected);
        }

        @Test
        void theEntryCarriesTheOrderAndContactOfTheNewestMessage() {
            messaging.conversations().create(alice, NewConversation.forCustomer("c1")
                    .withContact(new Contact("person", "Ann", "Lee", null, null, null, null)));
            tick();
            messaging.messages().create(alice, NewMessage.to("c1", "see order")
                    .order(OrderRef.share("o-7", "1007", OrderShareType.ORDER)).build());
            InboxEntry e = inbox(alice, InboxQuery.all()).get(0);
            assertThat(e.orderId()).isEqualTo("o-7");
            assertThat(e.orderNumber()).isEqualTo("1007");
            assertThat(e.customer().firstName()).isEqualTo("Ann");
        }

        @Test
        void archivedAndSnoozedConversationsAreHiddenAndHaveTheirOwnViews() {
            Message archived = customerSays("c1", "a");
            Message snoozed = customerSays("c2", "s");
            customerSays("c3", "plain");
            Message shopArchived = customerSays("c4", "x");
            messaging.threads().setArchived(alice, threadId(alice, archived.conversationId()), true);
            messaging.conversations().update(alice, shopArchived.conversationId(),
                    ConversationUpdate.empty().archived(true));
            messaging.conversations().update(alice, snoozed.conversationId(),
                    ConversationUpdate.empty().snoozeUntil(clock.instant().plus(Duration.ofHours(1))));
            assertThat(inboxCustomers(alice, InboxQuery.all())).containsExactly("c3");
            assertThat(inboxCustomers(alice, InboxQuery.all().view(InboxView.ARCHIVED))).containsExactly("c4", "c1");
            assertThat(inboxCustomers(alice, InboxQuery.all().view(InboxView.SNOOZED))).containsExactly("c2");
            assertThat(inboxCustomers(alice, InboxQuery.all().view(InboxView.ALL)))
                    .containsExactly("c4", "c3", "c2", "c1");
            assertThat(inboxCustomers(bob, InboxQuery.all())).containsExactly("c3", "c1");
            clock.advance(Duration.ofHours(2));
            assertThat(inboxCustomers(alice, InboxQuery.all())).containsExactly("c3", "c2");
        }

        @Test
        void unreadOnlyShowsThreadsWithUnreadMessagesForTheUser() {
            Message read = customerSays("c1", "a");
            customerSays("c2", "b");
            userSays(alice, "c3", "only ours");
            messaging.threads().markRead(alice, threadId(alice, read.conversationId()));
            assertThat(inboxCustomers(alice, InboxQuery.all().unreadOnly())).containsExactly("c2");
            assertThat(inboxCustomers(bob, InboxQuery.all().unreadOnly())).containsExactly("c2", "c1");
            messaging.threads().markAllRead(bob);
            assertThat(inboxCustomers(bob, InboxQuery.all().unreadOnly())).isEmpty();
            customerSays("c1", "again");
            assertThat(inboxCustomers(bob, InboxQuery.all().unreadOnly())).containsExactly("c1");
        }

        @Test
        void importantOnlyShowsTheUsersImportantThreads() {
            Message m = customerSays("c1", "a");
            customerSays("c2", "b");
            messaging.threads().setImportant(alice, threadId(alice, m.conversationId()), true);
            assertThat(inboxCustomers(alice, InboxQuery.all().importantOnly())).containsExactly("c1");
            assertThat(inboxCustomers(bob, InboxQuery.all().importantOnly())).isEmpty();
        }

        @Test
        void assigneeFilterShowsAUsersOrUnassignedConversations() {
            Message m = customerSays("c1", "a");
            customerSays("c2", "b");
            messaging.conversations().update(alice, m.conversationId(), ConversationUpdate.empty().assignedTo("bob"));
            assertThat(inboxCustomers(alice, InboxQuery.all().assignee(AssigneeFilter.user("bob"))))
                    .containsExactly("c1");
            assertThat(inboxCustomers(alice, InboxQuery.all().assignee(AssigneeFilter.unassigned())))
                    .containsExactly("c2");
        }

        @Test
        void channelFilterShowsConversationsOfThatChannel() {
            Message m = customerSays("c1", "a");
            customerSays("c2", "b");
            messaging.conversations().update(alice, m.conversationId(),
                    ConversationUpdate.empty().channel(ConversationChannel.TYPE_EMAIL));
            assertThat(inboxCustomers(alice, InboxQuery.all().channel(ConversationChannel.TYPE_EMAIL)))
                    .containsExactly("c1");
            assertThat(inboxCustomers(alice, InboxQuery.all().channel(ConversationChannel.TYPE_PHONE))).isEmpty();
        }

        @Test
        void pagingNeverRepeatsOrSkipsAndHasMoreTellsTheEnd() {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                customerSays("c" + i, "m" + i);
                expected.add(0, "c" + i);
            }
            Page<InboxEntry> first = messaging.inbox().list(alice, InboxQuery.all().limit(5).withTotal());
            assertThat(first.hasMore()).isTrue();
            assertThat(first.total()).isEqualTo(12);
            List<InboxEntry> all = allPages(alice, InboxQuery.all().limit(5));
            assertThat(all).extracting(e -> e.conversation().customerId()).containsExactlyElementsOf(expected);
            Page<InboxEntry> exact = messaging.inbox().list(alice, InboxQuery.all().limit(12));
            assertThat(exact.hasMore()).isFalse();
            assertThat(exact.nextCursor()).isNull();
            assertThat(messaging.inbox().list(alice, InboxQuery.all()).total()).isNull();
        }

        @Test
        void aConversationThatMovesUpAppearsOnTheNextFreshFirstPageAndPagingGoesOn() {
            for (int i = 0; i < 6; i++) {
                customerSays("c" + i, "m" + i);
            }
            Page<InboxEntry> first = messaging.inbox().list(alice, InboxQuery.all().limit(3));
            assertThat(first.items()).extracting(e -> e.conversation().customerId()).containsExactly("c5", "c4", "c3");
            customerSays("c0", "back again");
            Page<InboxEntry> second = messaging.inbox().list(alice, InboxQuery.all().limit(3).after(first.nextCursor()));
            assertThat(second.items()).extracting(e -> e.conversation().customerId()).containsExactly("c2", "c1");
            assertThat(inboxCustomers(alice, InboxQuery.all().limit(1))).containsExactly("c0");
        }

        @Test
        void filtersCombineAndPageTogether() {
            for (int i = 0; i < 6; i++) {
                Message m = customerSays("c" + i, "m" + i);
                if (i % 2 == 0) {
                    messaging.threads().markRead(alice, threadId(alice, m.conversationId()));
                }
            }
            assertThat(allPages(alice, InboxQuery.all().unreadOnly().limit(2)))
                    .extracting(e -> e.conversation().customerId()).containsExactly("c5", "c3", "c1");
            assertThat(messaging.inbox().list(alice, InboxQuery.all().unreadOnly().withTotal()).total()).isEqualTo(3);
        }
    }

    @Nested
    @DisplayName("Text search")
    class TextSearch {
        @Test
        void matchesAnyLiveMessageOfTheConversationNotOnlyTheNewest() {
            customerSays("c1", "my brakes squeal");
            customerSays("c1", "also the horn");
            customerSays("c2", "oil change please");
            assertThat(inboxCustomers(alice, InboxQuery.all().query("brakes"))).containsExactly("c1");
            assertThat(inboxCustomers(alice, InboxQuery.all().query("oil"))).containsExactly("c2");
        }

        @Test
        void matchesByWordPrefixCaseAndAccentInsensitive() {
            customerSays("c1", "Crème Brûlée for the Mechanic");
            assertThat(inboxCustomers(alice, InboxQuery.all().query("creme"))).containsExactly("c1");
            assertThat(inboxCustomers(alice, InboxQuery.all().query("BRUL"))).containsExactly("c1");
            assertThat(inboxCustomers(alice, InboxQuery.all().query("mech creme"))).containsExactly("c1");
            assertThat(inboxCustomers(alice, InboxQuery.all().query("echanic"))).isEmpty();
            assertThat(inboxCustomers(alice, InboxQuery.all().query("creme pizza"))).isEmpty();
        }

        @Test
        void matchesTheContactsNameEmailAndPhone() {
            messaging.conversations().create(alice, NewConversation.forCustomer("c1").withContact(
                    new Contact("person", "Zoë", "Quinn", "Acme Garage", "zoe@acme.test", "+1 555 0100", "en")));
            customerSays("c1", "hello");
            customerSays("c2", "hello");
            for (String q : List.of("zoe", "quinn", "acme", "garage", "zoe@acme", "0100")) {
                assertThat(inboxCustomers(alice, InboxQuery.all().query(q))).as(q).containsExactly("c1");
            }
        }

        @Test
        void deletedMessagesDoNotMatch() {
            Message m = customerSays("c1", "secret word");
            customerSays("c1", "other");
            messaging.messages().delete(alice, m.id(), null);
            assertThat(inboxCustomers(alice, InboxQuery.all().query("secret"))).isEmpty();
            messaging.messages().restore(alice, m.id());
            assertThat(inboxCustomers(alice, InboxQuery.all().query("secret"))).containsExactly("c1");
        }

        @Test
        void textCombinesWithOtherFiltersAndPages() {
            for (int i = 0; i < 5; i++) {
                customerSays("c" + i, "tire rotation " + i);
            }
            customerSays("c9", "unrelated");
            assertThat(allPages(alice, InboxQuery.all().query("tire").limit(2)))
                    .extracting(e -> e.conversation().customerId()).containsExactly("c4", "c3", "c2", "c1", "c0");
            assertThat(messaging.inbox().list(alice, InboxQuery.all().query("rot").withTotal()).total()).isEqualTo(5);
        }

        @Test
        void sqlAndRegexMetacharactersAreSearchedAsText() {
            customerSays("c1", "100% off_today (really) [yes] 'quote' \"dq\" a*b");
            assertThat(inboxCustomers(alice, InboxQuery.all().query("100%"))).containsExactly("c1");
            assertThat(inboxCustomers(alice, InboxQuery.all().query("'quote'"))).containsExactly("c1");
            assertThat(inboxCustomers(alice, InboxQuery.all().query("off_"))).containsExactly("c1");
            assertThat(inboxCustomers(alice, InboxQuery.all().query("a*"))).containsExactly("c1");
        }
    }

    @Nested
    @DisplayName("Conversation search")
    class Search {
        List<String> customers(ConversationQuery query) {
            return messaging.conversations().search(alice, query).items().stream()
                    .map(h -> h.conversation().customerId()).toList();
        }

        @Test
        void searchesByContactAssigneeDirectionAndText() {
            Message c1 = customerSays("c1", "engine light");
            userSays(alice, "c2", "your quote");
            customerSays("c3", "engine noise");
            messaging.conversations().update(alice, c1.conversationId(), ConversationUpdate.empty().assignedTo("bob"));
            assertThat(customers(ConversationQuery.all().contact("c2"))).containsExactly("c2");
            assertThat(customers(ConversationQuery.all().assignee(AssigneeFilter.user("bob")))).containsExactly("c1");
            assertThat(customers(ConversationQuery.all().assignee(AssigneeFilter.unassigned())))
                    .containsExactly("c3", "c2");
            assertThat(customers(ConversationQuery.all().lastMessageDirection(Direction.OUTBOUND)))
                    .containsExactly("c2");
            assertThat(customers(ConversationQuery.all().query("engine"))).containsExactly("c3", "c1");
        }

        @Test
        void searchesByStatusForTheActingUser() {
            Message read = customerSays("c1", "a");
            Message starred = customerSays("c2", "b");
            conversationOf("c3");
            messaging.threads().markRead(alice, threadId(alice, read.conversationId()));
            messaging.threads().setImportant(alice, threadId(alice, starred.conversationId()), true);
            assertThat(customers(ConversationQuery.all().status(SearchStatus.UNREAD))).containsExactly("c2");
            assertThat(customers(ConversationQuery.all().status(SearchStatus.READ))).containsExactly("c3", "c1");
            assertThat(customers(ConversationQuery.all().status(SearchStatus.STARRED))).containsExactly("c2");
            assertThat(customers(ConversationQuery.all().status(SearchStatus.RECENTS))).containsExactly("c2", "c1");
            assertThat(customers(ConversationQuery.all())).containsExactly("c3", "c2", "c1");
            ConversationHit hit = messaging.conversations().search(alice, ConversationQuery.all().contact("c2"))
                    .items().get(0);
            assertThat(hit.thread().unreadMessagesCount()).isEqualTo(1);
            assertThat(hit.thread().important()).isTrue();
        }

        @Test
        void sortsByLastMessageOrCreatedDateEitherWay() {
            conversationOf("c1");
            tick();
            conversationOf("c2");
            customerSays("c1", "now c1 is newest");
            assertThat(customers(ConversationQuery.all())).containsExactly("c1", "c2");
            assertThat(customers(ConversationQuery.all().sort(SearchSort.LAST_MESSAGE_DATE, false)))
                    .containsExactly("c2", "c1");
            assertThat(customers(ConversationQuery.all().sort(SearchSort.CREATED_DATE, true)))
                    .containsExactly("c2", "c1");
            assertThat(customers(ConversationQuery.all().sort(SearchSort.CREATED_DATE, false)))
                    .containsExactly("c1", "c2");
        }

        @Test
        void pagesWithStartAfterAndCountsTotalOnRequest() {
            for (int i = 0; i < 5; i++) {
                customerSays("c" + i, "m");
            }
            Page<ConversationHit> first = messaging.conversations().search(alice,
                    ConversationQuery.all().limit(2).withTotal());
            assertThat(first.total()).isEqualTo(5);
            List<String> seen = new ArrayList<>(first.items().stream().map(h -> h.conversation().customerId()).toList());
            Page<ConversationHit> page = first;
            while (page.hasMore()) {
                page = messaging.conversations().search(alice, ConversationQuery.all().limit(2)
                        .after(page.nextCursor()));
                page.items().forEach(h -> seen.add(h.conversation().customerId()));
            }
            assertThat(seen).containsExactly("c4", "c3", "c2", "c1", "c0");
            assertThat(messaging.conversations().search(alice, ConversationQuery.all()).total()).isNull();
        }
    }

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
