package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.messaging.common.Actor;
import dev.messaging.common.Page;
import dev.messaging.error.ForbiddenException;
import dev.messaging.error.ValidationException;
import dev.messaging.inbox.InboxEntry;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.inbox.InboxView;
import dev.messaging.message.Call;
import dev.messaging.message.CallStatus;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.DeliveryUpdate;
import dev.messaging.message.Direction;
import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.SendResult;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.EmailEngagement;
import dev.messaging.message.EmailOptions;
import dev.messaging.message.EmailReplyMode;
import dev.messaging.message.Message;
import dev.messaging.message.MessageChannel;
import dev.messaging.message.MessageExport;
import dev.messaging.message.MessageQuery;
import dev.messaging.message.NewMessage;
import dev.messaging.view.leadconnector.CallDataDto;
import dev.messaging.view.leadconnector.ConversationUnreadWebhook;
import dev.messaging.view.leadconnector.EmailStatsWebhook;
import dev.messaging.view.leadconnector.EmailEventsDto;
import dev.messaging.view.leadconnector.ErrorDto;
import dev.messaging.view.leadconnector.ExportMessagesResponseDto;
import dev.messaging.view.leadconnector.GetMessageResponseDto;
import dev.messaging.view.leadconnector.GetMessagesByConversationResponseDto;
import dev.messaging.view.leadconnector.LeadConnectorWebhooks;
import dev.messaging.view.leadconnector.MessageWebhook;
import dev.messaging.view.leadconnector.ProcessMessageBodyDto;
import dev.messaging.view.leadconnector.ProcessMessageResponseDto;
import dev.messaging.view.leadconnector.ProcessOutboundMessageBodyDto;
import dev.messaging.view.leadconnector.SendMessageBodyDto;
import dev.messaging.view.leadconnector.SendMessageResponseDto;
import dev.messaging.view.leadconnector.UpdateEmailMessageStatusDto;
import dev.messaging.view.leadconnector.UpdateMessageStatusDto;
import dev.messaging.view.leadconnector.UpdateRecipientMessageStatusDto;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * LeadConnector's message-level API on a store: a send body in, the message stored with every field
 * the domain keeps and read back; an email reply joining the thread it answers; an inbound provider
 * message added once; call logs in the inbox; status callbacks moving the send; a conversation's
 * messages paged; the message webhooks rendered from the feed.
 */
public abstract class LeadConnectorMessagesContract extends ContractSupport {

    private SendMessageBodyDto email(String replyMessageId, String threadId) {
        return new SendMessageBodyDto("Email", null, "c1", "appt-1", List.of("https://files.example/a.pdf"),
                "desk@shop.example", List.of("cc@example.com"), List.of("bcc@example.com"),
                "<p>Your car is <b>ready</b></p>", "Your car is ready", "Ready", replyMessageId, "tpl-1", threadId,
                null, "provider-1", "c1@example.com", null, "reply_all", null, null, null, null, null, null);
    }

    @Test
    void anEmailSendKeepsEveryFieldTheDomainHasAndReadsBack() {
        addressed(alice, "c1");
        Message sent = messaging.messages().create(alice, email(null, "thread-9").toNewMessage());
        Message read = messaging.messages().find(alice, sent.id()).orElseThrow();
        assertThat(read.channel()).isEqualTo(MessageChannel.TYPE_EMAIL);
        assertThat(read.email().isRequested()).isTrue();
        assertThat(read.sms().isRequested()).isFalse();
        EmailDetails e = read.emailOptions().details();
        assertThat(read.emailOptions().subject()).isEqualTo("Ready");
        assertThat(e.html()).isEqualTo("<p>Your car is <b>ready</b></p>");
        assertThat(e.replyMode()).isEqualTo(EmailReplyMode.REPLY_ALL);
        assertThat(e.threadId()).isEqualTo("thread-9");
        assertThat(e.from()).isEqualTo("desk@shop.example");
        assertThat(e.to()).containsExactly("c1@example.com");
        assertThat(e.cc()).containsExactly("cc@example.com");
        assertThat(e.bcc()).containsExactly("bcc@example.com");
        assertThat(e.conversationProviderId()).isEqualTo("provider-1");
        assertThat(read.links().templateId()).isEqualTo("tpl-1");
        assertThat(read.appointment().appointmentId()).isEqualTo("appt-1");
        assertThat(read.files()).extracting(f -> f.url()).containsExactly("https://files.example/a.pdf");
        assertThat(read).isEqualTo(sent);

        GetMessageResponseDto shown = GetMessageResponseDto.from(read);
        assertThat(shown.messageType()).isEqualTo("TYPE_EMAIL");
        assertThat(shown.status()).isEqualTo("pending");
        assertThat(shown.attachments()).containsExactly("https://files.example/a.pdf");
        assertThat(SendMessageResponseDto.from(read).messageId()).isEqualTo(read.id());
    }

    @Test
    void anSmsSendKeepsItsNumbersAndItsSchedule() {
        Instant at = clock.instant().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        SendMessageBodyDto body = new SendMessageBodyDto("SMS", null, "c1", null, null, null, null, null, null,
                "See you at 3", null, null, null, null, at.getEpochSecond(), null, null, null, null, "+15550001",
                "+15550002", null, null, null, null);
        Message read = messaging.messages().find(alice, messaging.messages().create(alice, body.toNewMessage()).id())
                .orElseThrow();
        assertThat(read.sms().isRequested()).isTrue();
        assertThat(read.sms().status()).isEqualTo(DeliveryStatus.SCHEDULED);
        assertThat(read.sendAt()).isEqualTo(at);
        assertThat(read.smsOptions().fromNumber()).isEqualTo("+15550001");
        assertThat(read.smsOptions().toNumber()).isEqualTo("+15550002");
        assertThat(GetMessageResponseDto.from(read).status()).isEqualTo("scheduled");
    }

    @Test
    void anEmailReplyJoinsTheConversationAndThreadItAnswers() {
        addressed(alice, "c1");
        Message first = messaging.messages().create(alice, email(null, null).toNewMessage());
        tick();
        Message reply = messaging.messages().create(alice, email(first.id(), null).toNewMessage().toBuilder()
                .customerId(null).build());
        assertThat(reply.conversationId()).isEqualTo(first.conversationId());
        assertThat(reply.emailOptions().details().replyToMessageId()).isEqualTo(first.id());
        assertThat(reply.emailOptions().details().threadId()).as("the first email starts the thread").isEqualTo(first.id());
        tick();
        Message again = messaging.messages().create(alice, email(reply.id(), null).toNewMessage());
        assertThat(again.emailOptions().details().threadId()).as("the thread goes on").isEqualTo(first.id());
        assertThat(messaging.messages().find(alice, again.id()).orElseThrow()).isEqualTo(again);
    }

    private Outgoing claimOurEmail(String messageId) {
        return messaging.deliveries().claim(DeliveryChannel.EMAIL, 1_000, Duration.ofMinutes(5)).stream()
                .filter(o -> o.tenant().equals(alice.tenant()) && o.message().id().equals(messageId))
                .findFirst().orElseThrow();
    }

    @Test
    void anEmailReplyIsHandedToItsSenderWithTheProviderIdOfTheEmailItAnswers() {
        addressed(alice, "c1");
        Message first = messaging.messages().create(alice, email(null, null).toNewMessage());
        Outgoing firstSend = claimOurEmail(first.id());
        assertThat(firstSend.inReplyTo()).as("answers nothing").isNull();
        messaging.deliveries().outcome(firstSend, SendResult.sent("first-" + company + "@mail.example"));
        tick();
        Message reply = messaging.messages().create(alice, email(first.id(), null).toNewMessage());
        assertThat(claimOurEmail(reply.id()).inReplyTo()).isEqualTo("first-" + company + "@mail.example");

        tick();
        Message fromCustomer = messaging.messages().create(customer("c1"), NewMessage.to("c1", "thanks!")
                .emailOptions(new EmailOptions("Re: Ready", "cust-" + company + "@customer.example", null)).build());
        tick();
        Message answer = messaging.messages().create(alice, email(fromCustomer.id(), null).toNewMessage());
        assertThat(claimOurEmail(answer.id()).inReplyTo()).as("a customer's email is answered by its own id")
                .isEqualTo("cust-" + company + "@customer.example");
    }

    @Test
    void aReplyToAnIdThatIsNoMessageHereKeepsItAndJoinsNothing() {
        Message first = messaging.messages().create(alice, email(null, "thread-1").toNewMessage());
        tick();
        Message imported = messaging.messages().create(alice, email("provider-msg-7", null).toNewMessage());
        assertThat(imported.conversationId()).as("the customer's conversation").isEqualTo(first.conversationId());
        assertThat(imported.emailOptions().details().replyToMessageId()).isEqualTo("provider-msg-7");
        assertThat(imported.emailOptions().details().threadId()).isNull();
    }

    @Test
    void aReplyThatCannotBePlacedOrContradictsItsConversationIsRefusedAndWritesNothing() {
        Message other = messaging.messages().create(alice, NewMessage.to("c2", "hello").build());
        Message first = messaging.messages().create(alice, email(null, null).toNewMessage());
        Object before = snapshot();
        ValidationException unknown = catchThrowableOfType(ValidationException.class,
                () -> messaging.messages().create(alice, email("no-such-message", null).toNewMessage().toBuilder()
                        .customerId(null).build()));
        assertThat(unknown.fields()).containsExactly("emailDetails.replyToMessageId");
        ValidationException elsewhere = catchThrowableOfType(ValidationException.class,
                () -> messaging.messages().create(alice, email(first.id(), null).toNewMessage().toBuilder()
                        .customerId(null).conversationId(other.conversationId()).build()));
        assertThat(elsewhere.fields()).containsExactly("emailDetails.replyToMessageId");
        Actor stranger = Actor.user("co-elsewhere-" + company, location, "alice");
        ValidationException foreign = catchThrowableOfType(ValidationException.class,
                () -> messaging.messages().create(stranger, email(first.id(), null).toNewMessage().toBuilder()
                        .customerId(null).build()));
        assertThat(foreign.fields()).as("another tenant's message is not found").containsExactly(
                "emailDetails.replyToMessageId");
        assertUnchangedSince(before);
    }

    @Test
    void anInboundProviderMessageIsAddedOnceByItsProviderId() {
        Message start = messaging.messages().create(alice, NewMessage.to("c1", "How can we help?").build());
        ProcessMessageBodyDto inbound = new ProcessMessageBodyDto("SMS", null, "My brakes squeak",
                start.conversationId(), "c1", "provider-1", null, null, null, null, null, null, null, "sms-777", null,
                null, null);
        Message added = messaging.messages().create(customer("c1"), inbound.toNewMessage());
        Message again = messaging.messages().create(customer("c1"), inbound.toNewMessage());
        assertThat(again.id()).isEqualTo(added.id());
        assertThat(added.conversationId()).isEqualTo(start.conversationId());
        assertThat(added.channel()).isEqualTo(MessageChannel.TYPE_SMS);
        assertThat(unread(alice, start.conversationId())).isEqualTo(1);
        ProcessMessageResponseDto answer = ProcessMessageResponseDto.from(added);
        assertThat(answer.messageId()).isEqualTo(added.id());
        assertThat(answer.contactId()).isEqualTo("c1");
    }

    @Test
    void aCallLogShowsInTheInboxWithItsStatusAndReadsBack() {
        Message start = messaging.messages().create(alice, NewMessage.to("c1", "We'll call you").build());
        tick();
        ProcessOutboundMessageBodyDto outbound = new ProcessOutboundMessageBodyDto("Call", null,
                start.conversationId(), "provider-1", "call-1", null, new CallDataDto("+15550002", "+15550001",
                "completed"));
        Message logged = messaging.messages().create(alice, outbound.toNewMessage());
        assertThat(messaging.messages().create(alice, outbound.toNewMessage()).id()).as("logged once").isEqualTo(
                logged.id());
        assertThat(logged.channel()).isEqualTo(MessageChannel.TYPE_CALL);
        assertThat(logged.text()).isEqualTo("Call completed");
        assertThat(logged.email().isRequested() || logged.sms().isRequested()).as("never sent").isFalse();
        assertThat(messaging.messages().find(alice, logged.id()).orElseThrow()).isEqualTo(logged);
        InboxEntry entry = inbox(alice, InboxQuery.all().view(InboxView.ALL)).get(0);
        assertThat(entry.conversation().lastMessageType()).isEqualTo(MessageChannel.TYPE_CALL);
        assertThat(entry.conversation().lastMessageBody()).isEqualTo("Call completed");
        assertThat(GetMessageResponseDto.from(logged).meta().callStatus()).isEqualTo("completed");

        tick();
        Message voicemail = messaging.messages().create(customer("c1"), NewMessage.builder()
                .call(new Call(CallStatus.VOICEMAIL, 125, "+15550002", "+15550001")).build());
        assertThat(voicemail.text()).isEqualTo("Call voicemail (2:05)");
        assertThat(voicemail.direction()).isEqualTo(Direction.INBOUND);
        assertThat(unread(alice, start.conversationId())).isEqualTo(1);
        Message read = messaging.messages().find(alice, voicemail.id()).orElseThrow();
        assertThat(read.call()).isEqualTo(new Call(CallStatus.VOICEMAIL, 125, "+15550002", "+15550001"));
        assertThat(GetMessageResponseDto.from(read).meta().callDuration()).isEqualTo(125);
    }

    @Test
    void aCallLogThatWouldBeSentOrIsNoCallNamesTheFieldAndWritesNothing() {
        messaging.messages().create(alice, NewMessage.to("c1", "hello").build());
        Object before = snapshot();
        Call call = new Call(CallStatus.COMPLETED, 30, null, null);
        for (var bad : List.of(
                List.of("sendSms", NewMessage.builder().customerId("c1").call(call).sendSms(true).build()),
                List.of("channel", NewMessage.builder().customerId("c1").call(call).channel(MessageChannel.TYPE_SMS)
                        .build()),
                List.of("call.durationSeconds", NewMessage.builder().customerId("c1")
                        .call(new Call(CallStatus.BUSY, -1, null, null)).build()))) {
            ValidationException e = catchThrowableOfType(ValidationException.class,
                    () -> messaging.messages().create(alice, (NewMessage) bad.get(1)));
            assertThat(e.fields()).as((String) bad.get(0)).contains((String) bad.get(0));
        }
        assertUnchangedSince(before);
    }

    @Test
    void statusCallbacksMoveTheSendForwardInLeadConnectorsWords() {
        Message sms = messaging.messages().create(alice, NewMessage.to("c1", "ready").sendSms(true).build());
        for (String status : List.of("delivered", "read", "pending")) {
            messaging.messages().updateDelivery(system, sms.id(),
                    new UpdateMessageStatusDto(status, null, null, null).toUpdate(DeliveryChannel.SMS));
        }
        Message read = messaging.messages().find(alice, sms.id()).orElseThrow();
        assertThat(read.sms().status()).as("a stale pending is ignored").isEqualTo(DeliveryStatus.READ);
        assertThat(GetMessageResponseDto.from(read).status()).isEqualTo("read");

        Message failing = messaging.messages().create(alice, NewMessage.to("c2", "ready").sendSms(true).build());
        messaging.messages().updateDelivery(system, failing.id(), new UpdateMessageStatusDto("failed",
                new ErrorDto("30003", "saas", "Unreachable handset"), null, null).toUpdate(DeliveryChannel.SMS));
        Message failed = messaging.messages().find(alice, failing.id()).orElseThrow();
        assertThat(failed.sms().status()).isEqualTo(DeliveryStatus.ERROR);
        assertThat(failed.sms().error()).isEqualTo("Unreachable handset (saas code 30003)");

        addressed(alice, "c3");
        Message mail = messaging.messages().create(alice, NewMessage.to("c3", "invoice").sendEmail(true).build());
        messaging.messages().updateDelivery(system, mail.id(), new UpdateEmailMessageStatusDto(null,
                List.of(new UpdateRecipientMessageStatusDto("c3@example.com", "opened", null)), "opened").toUpdate());
        assertThat(messaging.messages().find(alice, mail.id()).orElseThrow().email().status())
                .isEqualTo(DeliveryStatus.OPENED);
    }

    @Test
    void theFeedRendersTheMessageWebhooksAndResumesAfterTheLastOne() {
        LeadConnectorWebhooks webhooks = new LeadConnectorWebhooks(messaging);
        long start = feedHead();
        Message question = customerSays("c1", "Is my car ready?");
        tick();
        addressed(alice, "c1");
        Message answer = messaging.messages().create(alice, email(null, null).toNewMessage());
        messaging.messages().create(alice, NewMessage.to("c1", "note to self").internal(true).build());
        messaging.messages().updateDelivery(system, answer.id(), DeliveryUpdate.email(DeliveryStatus.DELIVERED));
        messaging.threads().markRead(alice, threadId(alice, question.conversationId()));

        LeadConnectorWebhooks.Batch batch = webhooks.since(system, start, 100);
        List<Object> bodies = batch.webhooks().stream().map(LeadConnectorWebhooks.Webhook::body).toList();
        assertThat(bodies).extracting(b -> b.getClass().getSimpleName()).containsExactly("MessageWebhook",
                "MessageWebhook", "EmailStatsWebhook", "ConversationUnreadWebhook");
        MessageWebhook inbound = (MessageWebhook) bodies.get(0);
        assertThat(inbound.type()).isEqualTo("InboundMessage");
        assertThat(inbound.messageId()).isEqualTo(question.id());
        assertThat(inbound.body()).isEqualTo("Is my car ready?");
        MessageWebhook outbound = (MessageWebhook) bodies.get(1);
        assertThat(outbound.type()).isEqualTo("OutboundMessage");
        assertThat(outbound.messageType()).isEqualTo("Email");
        assertThat(outbound.body()).as("an email's body is its HTML").isEqualTo("<p>Your car is <b>ready</b></p>");
        assertThat(outbound.subject()).isEqualTo("Ready");
        assertThat(outbound.to()).containsExactly("c1@example.com");
        assertThat(((EmailStatsWebhook) bodies.get(2)).webhookPayload()).containsEntry("event", "delivered")
                .containsEntry("id", answer.id()).containsEntry("recipient", "c1@example.com");
        ConversationUnreadWebhook unread = (ConversationUnreadWebhook) bodies.get(3);
        assertThat(unread.id()).isEqualTo(question.conversationId());
        assertThat(unread.unreadCount()).isZero();
        assertThat(batch.lastSequence()).isEqualTo(feedHead());

        assertThat(webhooks.since(system, batch.lastSequence(), 100).webhooks()).as("nothing twice").isEmpty();
        tick();
        Message next = customerSays("c1", "Thanks");
        List<LeadConnectorWebhooks.Webhook> resumed = webhooks.since(system, batch.lastSequence(), 100).webhooks();
        assertThat(resumed).hasSize(1);
        assertThat(((MessageWebhook) resumed.get(0).body()).messageId()).isEqualTo(next.id());
        Actor stranger = Actor.system("co-elsewhere-" + company, location);
        assertThat(webhooks.since(stranger, start, 100).webhooks()).as("another tenant sees none").isEmpty();
    }

    @Test
    void messagesOfSomeTypesPageBothWaysAcrossLongRunsOfOtherTypes() {
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            NewMessage.Builder b = NewMessage.to("c1", "m" + i);
            if (i % 37 == 5) {
                b.channel(MessageChannel.TYPE_CALL).text("call " + i);
            } else if (i % 2 == 0) {
                b.channel(MessageChannel.TYPE_WEBCHAT);
            }
            Message m = messaging.messages().create(alice, b.build());
            if (i % 37 == 5) {
                calls.add(m.id());
            }
            clock.advance(Duration.ofMillis(1));
        }
        String conversation = conversationOf("c1").id();
        List<String> forward = new ArrayList<>();
        MessageQuery query = MessageQuery.first().limit(4).types(MessageChannel.TYPE_CALL);
        for (Page<Message> page = messaging.messages().list(alice, conversation, query); ;
                page = messaging.messages().list(alice, conversation, query.after(page.nextCursor()))) {
            page.items().forEach(m -> forward.add(m.id()));
            if (!page.hasMore()) {
                break;
            }
        }
        assertThat(forward).isEqualTo(calls);
        Page<Message> last = messaging.messages().list(alice, conversation,
                MessageQuery.first().limit(100).types(MessageChannel.TYPE_CALL, MessageChannel.TYPE_SMS));
        assertThat(last.items()).extracting(Message::id).isEqualTo(calls);
        assertThat(last.hasMore()).isFalse();
        Page<Message> firstFour = messaging.messages().list(alice, conversation, query);
        Page<Message> back = messaging.messages().list(alice, conversation,
                MessageQuery.first().limit(2).types(MessageChannel.TYPE_CALL).before(firstFour.nextCursor()));
        assertThat(back.items()).as("the two calls before the fourth").extracting(Message::id)
                .isEqualTo(calls.subList(1, 3));
        assertThat(back.hasMore()).isTrue();
        assertThat(catchThrowableOfType(ValidationException.class, () -> messaging.messages().list(alice,
                conversation, MessageQuery.first().after(firstFour.nextCursor()))).fields()).containsExactly("after");
    }

    @Test
    void anEmailsEngagementAndEachRecipientsStatusAreRecordedAndReadBack() {
        addressed(alice, "c1");
        Message mail = messaging.messages().create(alice, email(null, null).toNewMessage());
        UpdateEmailMessageStatusDto first = new UpdateEmailMessageStatusDto(new EmailEventsDto(1, 3, 1, null, null,
                null, null, null, null, null), List.of(new UpdateRecipientMessageStatusDto("c1@example.com",
                "delivered", null), new UpdateRecipientMessageStatusDto("boss@customer.example", "failed",
                "Mailbox not found")), "delivered");
        messaging.messages().recordEmailEngagement(system, mail.id(), first.toEngagement());
        tick();
        UpdateEmailMessageStatusDto later = new UpdateEmailMessageStatusDto(new EmailEventsDto(1, 4, 2, 1, null, null,
                null, null, null, null), List.of(new UpdateRecipientMessageStatusDto("BOSS@customer.example",
                "opened", null)), "opened");
        Message recorded = messaging.messages().recordEmailEngagement(system, mail.id(), later.toEngagement());
        EmailEngagement engagement = messaging.messages().find(alice, mail.id()).orElseThrow().emailOptions()
                .engagement();
        assertThat(engagement).isEqualTo(recorded.emailOptions().engagement());
        assertThat(List.of(engagement.delivered(), engagement.opened(), engagement.clicked(), engagement.replied()))
                .containsExactly(1, 4, 2, 1);
        assertThat(engagement.recipients()).containsExactly(
                new EmailEngagement.RecipientStatus("c1@example.com", DeliveryStatus.DELIVERED, null),
                new EmailEngagement.RecipientStatus("BOSS@customer.example", DeliveryStatus.OPENED, null));

        Message sms = messaging.messages().create(alice, NewMessage.to("c1", "hi").sendSms(true).build());
        Object before = snapshot();
        assertThat(catchThrowableOfType(ValidationException.class, () -> messaging.messages().recordEmailEngagement(
                system, sms.id(), first.toEngagement())).fields()).containsExactly("messageId");
        assertThat(catchThrowableOfType(ForbiddenException.class, () -> messaging.messages().recordEmailEngagement(
                alice, mail.id(), first.toEngagement()))).isNotNull();
        assertThat(catchThrowableOfType(ValidationException.class, () -> messaging.messages().create(alice,
                NewMessage.to("c1", "x").sendEmail(true).emailOptions(new EmailOptions("s", null, null,
                        first.toEngagement())).build())).fields()).containsExactly("emailEngagement");
        assertUnchangedSince(before);
    }

    @Test
    void aConversationsMessagesPageOnByTheLastMessageIdTheResponseGives() {
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sent.add(messaging.messages().create(alice, NewMessage.to("c1", "m" + i).build()).id());
            tick();
        }
        String conversation = conversationOf("c1").id();
        List<String> seen = new ArrayList<>();
        String lastMessageId = null;
        boolean nextPage = true;
        while (nextPage) {
            Page<Message> page = messaging.messages().list(alice, conversation,
                    MessageQuery.first().limit(2).after(lastMessageId));
            GetMessagesByConversationResponseDto response = GetMessagesByConversationResponseDto.from(page);
            response.messages().forEach(m -> seen.add(m.id()));
            lastMessageId = response.lastMessageId();
            nextPage = response.nextPage();
        }
        assertThat(seen).isEqualTo(sent);
    }

    /** Every page of {@code query}, followed by its cursors. */
    private List<Message> exported(Actor actor, MessageExport query) {
        List<Message> all = new ArrayList<>();
        Page<Message> page = messaging.messages().export(actor, query);
        all.addAll(page.items());
        while (page.nextCursor() != null) {
            page = messaging.messages().export(actor, query.after(page.nextCursor()));
            all.addAll(page.items());
        }
        return all;
    }

    @Test
    void aLocationsMessagesExportPageByPageAcrossConversationsByDateCustomerAndType() {
        List<Message> written = new ArrayList<>();
        Instant[] marks = new Instant[4];
        for (int round = 0; round < 4; round++) {
            marks[round] = tick();
            for (String customer : List.of("c1", "c2", "c3")) {
                written.add(customerSays(customer, "q" + round));
                tick();
                written.add(messaging.messages().create(alice, NewMessage.to(customer, "a" + round)
                        .channel(round % 2 == 0 ? MessageChannel.TYPE_EMAIL : MessageChannel.TYPE_WHATSAPP).build()));
                tick();
            }
        }
        Message deleted = written.remove(3);
        messaging.messages().delete(alice, deleted.id(), "typo");
        Actor elsewhere = Actor.user(company, "another-location", "alice");
        messaging.messages().create(elsewhere, NewMessage.to("c1", "not this location's").build());

        List<Message> all = exported(alice, MessageExport.all().limit(4));
        assertThat(all).extracting(Message::id).as("each live message once, none of another location")
                .containsExactlyInAnyOrderElementsOf(written.stream().map(Message::id).toList());
        assertThat(all).extracting(Message::id).isSorted();
        assertThat(all).as("read as the conversation shows them").allSatisfy(m -> assertThat(m)
                .isEqualTo(messaging.messages().find(alice, m.id()).orElseThrow()));

        assertThat(exported(alice, MessageExport.all().between(marks[1], marks[3]).limit(3)))
                .extracting(Message::text).containsOnly("q1", "a1", "q2", "a2").hasSize(12);
        assertThat(exported(system, MessageExport.all().customer("c2").limit(2))).hasSize(7)
                .allMatch(m -> m.customerId().equals("c2"));
        assertThat(exported(alice, MessageExport.all().types(MessageChannel.TYPE_WHATSAPP).limit(5)))
                .hasSize(6).allMatch(m -> m.channel().equals(MessageChannel.TYPE_WHATSAPP));
        assertThat(exported(alice, MessageExport.all().customer("nobody"))).isEmpty();
    }

    @Test
    void anExportsBadCursorDatesOrLimitNameTheFieldAndACustomerMayNotExport() {
        customerSays("c1", "hi");
        userSays(alice, "c1", "hello");
        String cursor = messaging.messages().export(alice, MessageExport.all().limit(1)).nextCursor();
        assertThat(cursor).isNotNull();
        assertThat(catchThrowableOfType(ValidationException.class, () -> messaging.messages().export(alice,
                MessageExport.all().customer("c1").after(cursor))).fields()).containsExactly("after");
        Instant now = clock.instant();
        assertThat(catchThrowableOfType(ValidationException.class, () -> messaging.messages().export(alice,
                MessageExport.all().between(now, now))).fields()).containsExactly("to");
        assertThat(catchThrowableOfType(ValidationException.class, () -> messaging.messages().export(alice,
                MessageExport.all().limit(0))).fields()).containsExactly("limit");
        catchThrowableOfType(ForbiddenException.class, () -> messaging.messages().export(customer("c1"),
                MessageExport.all()));
        assertThat(ExportMessagesResponseDto.from(messaging.messages().export(alice, MessageExport.all().limit(1)))
                .nextCursor()).isEqualTo(cursor);
    }
}
