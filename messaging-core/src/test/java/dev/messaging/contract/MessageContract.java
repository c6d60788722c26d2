package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.messaging.common.Actor;
import dev.messaging.common.Page;
import dev.messaging.conversation.AssigneeFilter;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationChannel;
import dev.messaging.conversation.ConversationQuery;
import dev.messaging.conversation.NewConversation;
import dev.messaging.error.ConflictException;
import dev.messaging.error.ValidationException;
import dev.messaging.inbox.InboxQuery;
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
import dev.messaging.notification.NotificationConfig;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The rules of messages, and of bad input refused whole, checked against a store (see
 * {@link MessagingContract}).
 */
public abstract class MessageContract extends ContractSupport {

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
}
