package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messaging.common.Page;
import dev.messaging.conversation.AssigneeFilter;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationChannel;
import dev.messaging.conversation.ConversationHit;
import dev.messaging.conversation.ConversationQuery;
import dev.messaging.conversation.ConversationStatus;
import dev.messaging.conversation.ConversationUpdate;
import dev.messaging.conversation.NewConversation;
import dev.messaging.conversation.SearchSort;
import dev.messaging.conversation.SearchStatus;
import dev.messaging.error.ValidationException;
import dev.messaging.inbox.InboxEntry;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.inbox.InboxView;
import dev.messaging.message.Direction;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.message.OrderRef;
import dev.messaging.message.OrderShareType;
import dev.messaging.thread.ThreadMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rules of unread counts, the inbox, text search and conversation search, checked against a
 * store (see {@link MessagingContract}).
 */
public abstract class InboxContract extends ContractSupport {

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
}
