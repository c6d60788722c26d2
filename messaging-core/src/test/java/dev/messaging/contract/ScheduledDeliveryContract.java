package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.messaging.Messaging;
import dev.messaging.common.Page;
import dev.messaging.conversation.ConversationQuery;
import dev.messaging.delivery.Delivery;
import dev.messaging.delivery.DeliveryQuery;
import dev.messaging.delivery.LocationSettings;
import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.SendResult;
import dev.messaging.error.ConflictException;
import dev.messaging.error.ForbiddenException;
import dev.messaging.error.ValidationException;
import dev.messaging.message.AuthorType;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.Message;
import dev.messaging.message.MessageOrigin;
import dev.messaging.message.NewMessage;
import dev.messaging.message.SmsOptions;
import dev.messaging.outbox.DeliveryOperations;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Scheduled sends, quiet hours, consent and the operator's calls, on every store (see
 * {@link DeliverySupport}).
 */
public abstract class ScheduledDeliveryContract extends DeliverySupport {

    @Nested
    @DisplayName("Scheduled sends")
    class Scheduled {
        private Message later(String text, Duration in) {
            tick();
            return messaging.messages().create(alice, NewMessage.to("c1", text).sendSms(true)
                    .sendAt(clock.instant().plus(in)).build());
        }

        @Test
        void aScheduledSendIsDueAtItsTimeAndItsAuthorMayEditOrCancelItUntilClaimed() {
            Message m = later("see you at 9", Duration.ofHours(1));
            assertThat(m.sms().status()).isEqualTo(DeliveryStatus.SCHEDULED);
            assertThat(claimOurs(DeliveryChannel.SMS)).isEmpty();
            assertThatThrownBy(() -> messaging.messages().editScheduled(bob, m.id(), "bob's words"))
                    .isInstanceOf(ForbiddenException.class);
            assertThat(messaging.messages().editScheduled(alice, m.id(), "see you at 10").text()).isEqualTo("see you at 10");
            assertThat(messaging.deliveries().cancel(alice, m.id()).sms().status()).isEqualTo(DeliveryStatus.CANCELED);
            clock.advance(Duration.ofHours(2));
            assertThat(claimOurs(DeliveryChannel.SMS)).isEmpty();

            Message next = later("tomorrow", Duration.ofMinutes(10));
            clock.advance(Duration.ofMinutes(10));
            assertThat(claimOurs(DeliveryChannel.SMS)).extracting(o -> o.message().id()).containsExactly(next.id());
            ConflictException e = catchThrowableOfType(ConflictException.class,
                    () -> messaging.deliveries().cancel(alice, next.id()));
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.STATE);
            assertThatThrownBy(() -> messaging.messages().editScheduled(alice, next.id(), "x"))
                    .isInstanceOf(ConflictException.class);
        }

        @Test
        void anEditedTextIsWhatSearchFindsAndASendKeepsTheMessageFound() {
            Message m = later("brake pads tomorrow", Duration.ofHours(1));
            messaging.messages().editScheduled(alice, m.id(), "tyres tomorrow");
            assertThat(found("tyres")).containsExactly("c1");
            assertThat(found("brake")).isEmpty();
            clock.advance(Duration.ofHours(1));
            messaging.deliveries().outcome(claimOurs(DeliveryChannel.SMS).get(0), SendResult.sent("p-" + m.id()));
            assertThat(find(m.id()).sms().status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(found("tyres")).containsExactly("c1");
        }

        private List<String> found(String words) {
            return messaging.conversations().search(alice, ConversationQuery.all()
                    .query(words)).items().stream().map(h -> h.conversation().customerId()).toList();
        }

        @Test
        void aCancelRacingAClaimHasExactlyOneWinner() throws Exception {
            raceAClaim(m -> messaging.deliveries().cancel(alice, m.id()), true, (m, sent) -> { });
        }

        @Test
        void anEditRacingAClaimIsSentOrRefusedNeverLost() throws Exception {
            raceAClaim(m -> messaging.messages().editScheduled(alice, m.id(), m.text() + " (edited)"), false,
                    (m, sent) -> assertThat(sent.text()).as("the text sent").isEqualTo(
                            find(m.id()).text()));
        }

        /**
         * Each round schedules a message, then races {@code change} against a claim of it on two
         * threads. At least one wins; if {@code exclusive}, exactly one (the loser gets a conflict,
         * or claims nothing); an edit may win and then be claimed. {@code check} sees the message
         * and what the claim was given, when it claimed it.
         */
        private void raceAClaim(Consumer<Message> change, boolean exclusive,
                BiConsumer<Message, Outgoing> check) throws Exception {
            int rounds = rounds();
            ExecutorService threads = Executors.newFixedThreadPool(2);
            int changes = 0;
            int claims = 0;
            try {
                for (int i = 0; i < rounds; i++) {
                    Message m = later("race " + i, Duration.ofSeconds(1));
                    clock.advance(Duration.ofSeconds(1));
                    CountDownLatch go = new CountDownLatch(1);
                    Future<Boolean> changed = threads.submit(() -> {
                        go.await();
                        try {
                            change.accept(m);
                            return true;
                        } catch (ConflictException e) {
                            return false;
                        }
                    });
                    Future<List<Outgoing>> claim = threads.submit(() -> {
                        go.await();
                        return claimOurs(DeliveryChannel.SMS);
                    });
                    go.countDown();
                    boolean changeWon = changed.get(30, TimeUnit.SECONDS);
                    List<Outgoing> claimed = claim.get(30, TimeUnit.SECONDS);
                    Optional<Outgoing> ours = claimed.stream().filter(o -> o.message().id().equals(m.id())).findFirst();
                    assertThat(exclusive ? changeWon ^ ours.isPresent() : changeWon || ours.isPresent()).as("round %d: change won %s, claimed %s, %s", i,
                            changeWon, ours.isPresent(), messaging.deliveries().of(alice, m.id())).isTrue();
                    ours.ifPresent(o -> check.accept(m, o));
                    for (Outgoing o : claimed) {
                        messaging.deliveries().outcome(o, SendResult.sent("race-" + o.key()));
                    }
                    if (changeWon && find(m.id()).sms().status() == DeliveryStatus.SCHEDULED) {
                        messaging.deliveries().cancel(alice, m.id()); // an edited send stays due: not next round's
                    }
                    changes += changeWon ? 1 : 0;
                    claims += ours.isPresent() ? 1 : 0;
                }
            } finally {
                threads.shutdown();
            }
            assertThat(changes + claims).isGreaterThanOrEqualTo(rounds);
            if (exclusive) {
                assertThat(changes + claims).isEqualTo(rounds);
            }
        }

        @Test
        void aSendAtInThePastOrMoreThanAYearAheadIsRejected() {
            Object before = snapshot();
            for (Instant bad : List.of(clock.instant(), clock.instant().minusSeconds(1),
                    clock.instant().plus(Duration.ofDays(366)))) {
                assertThatThrownBy(() -> messaging.messages().create(alice, NewMessage.to("c1", "x").sendSms(true)
                        .sendAt(bad).build())).isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.fields()).containsExactly("sendAt"));
            }
            assertThatThrownBy(() -> messaging.messages().create(alice, NewMessage.to("c1", "x")
                    .sendAt(clock.instant().plusSeconds(60)).build())).isInstanceOfSatisfying(ValidationException.class,
                    e -> assertThat(e.fields()).containsExactly("sendAt"));
            assertUnchangedSince(before);
        }
    }

    @Nested
    @DisplayName("Quiet hours")
    class QuietHours {
        @Test
        void anSmsAvoidingQuietHoursIsDueAtTheirEndAcrossDaylightSavingAndEmailIsNotHeld() {
            messaging.deliverySettings().set(alice, "Europe/Paris", "21:00", "08:00");
            ZoneId paris = ZoneId.of("Europe/Paris");
            // the evening before summer time starts (30 March 2025) and before it ends (26 October 2025)
            for (String[] evening : new String[][] {{"2025-03-29T22:30:00+01:00", "2025-03-30T08:00:00+02:00"},
                {"2025-10-25T23:00:00+02:00", "2025-10-26T08:00:00+01:00"},
                {"2025-10-26T02:30:00+01:00", "2025-10-26T08:00:00+01:00"}}) {
                clock.set(OffsetDateTime.parse(evening[0]).toInstant());
                Message m = messaging.messages().create(alice, NewMessage.to("c1", "quiet").sendSms(true).sendEmail(true)
                        .smsOptions(SmsOptions.avoidingQuietHours()).build());
                Map<DeliveryChannel, Instant> due = new EnumMap<>(DeliveryChannel.class);
                messaging.deliveries().of(alice, m.id()).forEach(d -> due.put(d.channel(), d.dueAt()));
                assertThat(due.get(DeliveryChannel.SMS)).as("SMS of %s", evening[0])
                        .isEqualTo(OffsetDateTime.parse(evening[1]).toInstant());
                assertThat(due.get(DeliveryChannel.SMS).atZone(paris).toLocalTime()).isEqualTo(LocalTime.of(8, 0));
                assertThat(due.get(DeliveryChannel.EMAIL)).isEqualTo(clock.instant());
            }
            clock.set(OffsetDateTime.parse("2025-03-29T22:45:00+01:00").toInstant());
            Message plain = messaging.messages().create(alice, NewMessage.to("c1", "not quiet").sendSms(true).build());
            assertThat(messaging.deliveries().of(alice, plain.id()).get(0).dueAt()).isEqualTo(clock.instant());
        }

        @Test
        void badSettingsAreRejectedNamingTheField() {
            assertThatThrownBy(() -> messaging.deliverySettings().set(alice, "Mars/Olympus", "25:00", "8h"))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields())
                            .containsExactlyInAnyOrder("timeZone", "quietStart", "quietEnd"));
            assertThat(messaging.deliverySettings().get(alice)).isEqualTo(LocationSettings.defaults());
        }
    }

    @Nested
    @DisplayName("Consent")
    class ConsentRules {
        @Test
        void keywordsAreMatchedAsCarriersMatchThemAndOnlyAWholeTextIsOne() {
            String[][] texts = {{"Stop.", "false"}, {"\u00a0stop\u200b", "false"}, {"  STOP!! ", "false"},
                {"Start", "true"}, {"OptOut", "false"}, {"\ufeffUnstop\u2026", "true"}, {"revoke", "false"},
                {"stop please", null}, {"\u00bfstop?", null}};
            Boolean subscribed = true;
            for (String[] text : texts) {
                tick();
                messaging.messages().create(customer("c1"), NewMessage.to("c1", text[0]).origin(MessageOrigin.SMS).build());
                if (text[1] != null) {
                    subscribed = Boolean.valueOf(text[1]);
                }
                assertThat(messaging.consents().of(alice, "c1")).filteredOn(c -> c.channel() == DeliveryChannel.SMS)
                        .singleElement().as("after '%s'", text[0]).extracting(c -> c.subscribed()).isEqualTo(subscribed);
            }
        }

        @Test
        void aHelpKeywordIsAnsweredBySmsWithTheConfiguredReply() {
            tick();
            messaging.messages().create(customer("c2"), NewMessage.to("c2", "HELP").origin(MessageOrigin.SMS).build());
            assertThat(allMessages(conversationOf("c2").id())).as("no reply configured: none sent")
                    .noneMatch(x -> x.authorType() == AuthorType.SYSTEM);
            String reply = "Acme Auto: service updates. Help: 555-0100. Reply STOP to opt out.";
            // the last use of the store in this test: closing this messaging closes it
            try (Messaging m = Messaging.builder(store).clock(clock).ids(new SequentialIds()).helpReply(reply).build()) {
                tick();
                Message help = m.messages().create(customer("c1"), NewMessage.to("c1", " Help! ")
                        .origin(MessageOrigin.SMS).build());
                List<Message> answers = allMessages(help.conversationId()).stream()
                        .filter(x -> x.authorType() == AuthorType.SYSTEM).toList();
                assertThat(answers).singleElement().satisfies(answer -> {
                    assertThat(answer.text()).isEqualTo(reply);
                    assertThat(answer.sms().status()).isEqualTo(DeliveryStatus.PENDING);
                });
                assertThat(claimOurs(m, DeliveryChannel.SMS)).extracting(o -> o.message().text()).containsExactly(reply);
                tick();
                m.messages().create(customer("c1"), NewMessage.to("c1", "help me please").origin(MessageOrigin.SMS)
                        .build());
                tick();
                m.messages().create(customer("c1"), NewMessage.to("c1", "INFO").origin(MessageOrigin.EMAIL).build());
                assertThat(allMessages(help.conversationId())).filteredOn(x -> x.authorType() == AuthorType.SYSTEM)
                        .as("only a whole HELP or INFO by SMS is answered").hasSize(1);
            }
        }

        @Test
        void stopAndStartKeywordsChangeConsentAndAnUnsubscribedChannelIsNeverSent() {
            tick();
            messaging.messages().create(customer("c1"), NewMessage.to("c1", " stop ").origin(MessageOrigin.SMS).build());
            assertThat(messaging.consents().of(alice, "c1")).filteredOn(c -> c.channel() == DeliveryChannel.SMS)
                    .singleElement().satisfies(c -> {
                        assertThat(c.subscribed()).isFalse();
                        assertThat(c.source()).isEqualTo("keyword");
                    });
            tick();
            Message m = messaging.messages().create(alice, NewMessage.to("c1", "sale!").sendSms(true).sendEmail(true)
                    .build());
            assertThat(m.sms().status()).isEqualTo(DeliveryStatus.OPT_OUT);
            assertThat(m.email().status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(claimOurs(DeliveryChannel.SMS)).isEmpty();
            assertThat(claimOurs(DeliveryChannel.EMAIL)).hasSize(1);
            tick();
            messaging.messages().create(customer("c1"), NewMessage.to("c1", "START").origin(MessageOrigin.SMS).build());
            assertThat(sms("c1", "welcome back").sms().status()).isEqualTo(DeliveryStatus.PENDING);
            tick();
            messaging.messages().create(customer("c1"), NewMessage.to("c1", "please stop by").origin(MessageOrigin.SMS)
                    .build());
            assertThat(messaging.consents().of(alice, "c1")).allMatch(c -> c.subscribed());
        }
    }

    @Nested
    @DisplayName("Operator calls")
    class Operations {
        @Test
        void anOperatorListsRequeuesCancelsAndPurgesATenantsDeliveries() {
            DeliveryOperations ops = messaging.deliveries().operations();
            Message failing = sms("c1", "fails");
            Message sent = sms("c2", "goes out");
            for (Outgoing o : claimOurs(DeliveryChannel.SMS)) {
                messaging.deliveries().outcome(o, o.message().id().equals(failing.id())
                        ? SendResult.failed("21211 invalid number") : SendResult.sent("p-" + o.key()));
            }
            Message waiting = sms("c1", "waits");

            assertThat(ops.list(alice, DeliveryQuery.all().status(DeliveryStatus.ERROR)).items())
                    .extracting(Delivery::messageId).containsExactly(failing.id());
            List<String> walked = new ArrayList<>();
            Page<Delivery> page = ops.list(alice, DeliveryQuery.all().channel(DeliveryChannel.SMS).limit(1));
            while (true) {
                page.items().forEach(d -> walked.add(d.messageId()));
                if (!page.hasMore()) {
                    break;
                }
                page = ops.list(alice, DeliveryQuery.all().channel(DeliveryChannel.SMS).limit(1).after(page.nextCursor()));
            }
            assertThat(walked).containsExactly(failing.id(), sent.id(), waiting.id());
            assertThat(ops.list(alice, DeliveryQuery.all().createdBefore(sent.createdDate())).items())
                    .extracting(Delivery::messageId).containsExactly(failing.id());

            Delivery requeued = ops.requeue(alice, deliveryOf(failing).id());
            assertThat(requeued.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(requeued.attempts()).isZero();
            assertThat(find(failing.id()).sms().status()).isEqualTo(DeliveryStatus.PENDING);
            Delivery canceled = ops.cancel(alice, deliveryOf(waiting).id());
            assertThat(canceled.status()).isEqualTo(DeliveryStatus.CANCELED);
            assertThat(find(waiting.id()).sms().status()).isEqualTo(DeliveryStatus.CANCELED);
            List<Outgoing> again = claimOurs(DeliveryChannel.SMS);
            assertThat(again).extracting(o -> o.message().id()).containsExactly(failing.id());
            assertThat(again.get(0).attempt()).isEqualTo(1);
            messaging.deliveries().outcome(again.get(0), SendResult.sent("p-again-" + company));
            assertThat(find(failing.id()).sms().status()).isEqualTo(DeliveryStatus.SENT);
            assertThatThrownBy(() -> ops.requeue(alice, deliveryOf(failing).id())).isInstanceOf(ConflictException.class);
            assertThatThrownBy(() -> ops.cancel(alice, deliveryOf(waiting).id())).isInstanceOf(ConflictException.class);

            assertThat(ops.purge(alice, Duration.ofDays(1))).as("nothing is a day old yet").isZero();
            clock.advance(Duration.ofDays(2));
            assertThat(ops.purge(alice, Duration.ofDays(1))).isEqualTo(3);
            assertThat(messaging.deliveries().of(alice, sent.id())).isEmpty();
            assertThat(find(sent.id()).sms().status()).as("the message keeps its send").isEqualTo(DeliveryStatus.SENT);

            assertThatThrownBy(() -> ops.purge(alice, Duration.ofHours(1))).isInstanceOfSatisfying(
                    ValidationException.class, e -> assertThat(e.fields()).containsExactly("retention"));
            assertThatThrownBy(() -> ops.list(alice, DeliveryQuery.all().limit(0))).isInstanceOfSatisfying(
                    ValidationException.class, e -> assertThat(e.fields()).containsExactly("limit"));
            assertThatThrownBy(() -> ops.list(customer("c1"), DeliveryQuery.all()))
                    .isInstanceOf(ForbiddenException.class);
        }

        private Delivery deliveryOf(Message m) {
            return messaging.deliveries().of(alice, m.id()).get(0);
        }
    }
}
