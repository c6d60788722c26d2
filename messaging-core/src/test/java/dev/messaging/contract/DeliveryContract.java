package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.messaging.Messaging;
import dev.messaging.change.Change;
import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Actor;
import dev.messaging.common.Page;
import dev.messaging.common.Tenant;
import dev.messaging.conversation.ConversationQuery;
import dev.messaging.conversation.ConversationUpdate;
import dev.messaging.delivery.Backlog;
import dev.messaging.delivery.Delivery;
import dev.messaging.delivery.DeliveryPurpose;
import dev.messaging.delivery.DeliveryQuery;
import dev.messaging.delivery.LocationSettings;
import dev.messaging.delivery.OutboxStatistics;
import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.RetryPolicy;
import dev.messaging.delivery.SendCounts;
import dev.messaging.delivery.SendResult;
import dev.messaging.delivery.Sender;
import dev.messaging.delivery.WorkerHealth;
import dev.messaging.delivery.WorkerStatistics;
import dev.messaging.error.ConflictException;
import dev.messaging.error.ForbiddenException;
import dev.messaging.error.NotFoundException;
import dev.messaging.error.ValidationException;
import dev.messaging.feed.Subscription;
import dev.messaging.generated.Cases;
import dev.messaging.generated.Gen;
import dev.messaging.message.AuthorType;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.DeliveryUpdate;
import dev.messaging.message.Message;
import dev.messaging.message.MessageOrigin;
import dev.messaging.message.NewMessage;
import dev.messaging.message.SendStep;
import dev.messaging.message.SmsOptions;
import dev.messaging.notification.NotificationConfig;
import dev.messaging.outbox.DeliveryOperations;
import dev.messaging.outbox.DeliveryWorker;
import dev.messaging.provider.ProviderStatuses;
import dev.messaging.testing.RecordingSender;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The outbox, on every store: deliveries written with their message, claims under a lease,
 * outcomes and retries, provider callbacks, scheduled sends, quiet hours, consent, staff
 * notifications, and live changes. Claims serve every tenant of a store, so these tests run on a
 * clock a year before the other suites' (deliveries other tests left in a shared database are not
 * due yet) and look only at their own tenant's deliveries.
 */
public abstract class DeliveryContract extends ContractSupport {
    private static final Instant YEAR_BEFORE = T0.minus(Duration.ofDays(365));

    @BeforeEach
    void aYearBefore() {
        clock.set(YEAR_BEFORE);
        addressed(alice, "c1");
        addressed(alice, "c2");
    }

    /** Another messaging on the same store and clock, with a retry policy without jitter. */
    private Messaging strict(int maxAttempts) {
        return Messaging.builder(store).clock(clock).ids(new SequentialIds())
                .retryPolicy(new RetryPolicy(Duration.ofSeconds(30), 2, Duration.ofHours(1), maxAttempts, 0)).build();
    }

    private List<Outgoing> claimOurs(Messaging m, DeliveryChannel channel) {
        return m.deliveries().claim(channel, 1_000, Duration.ofMinutes(5)).stream()
                .filter(o -> o.tenant().equals(alice.tenant())).toList();
    }

    private List<Outgoing> claimOurs(DeliveryChannel channel) {
        return claimOurs(messaging, channel);
    }

    private Message find(String id) {
        return messaging.messages().find(alice, id).orElseThrow();
    }

    private Message sms(String customer, String text) {
        tick();
        addressed(alice, customer);
        return messaging.messages().create(alice, NewMessage.to(customer, text).sendSms(true).build());
    }

    @Nested
    @DisplayName("Outbox")
    class OutboxRules {
        @Test
        void aSendIsWrittenWithItsMessageAndNothingElseIs() {
            customerSays("c1", "hello");
            tick();
            Message both = messaging.messages().create(alice, NewMessage.to("c1", "ready").sendSms(true).sendEmail(true)
                    .build());
            assertThat(messaging.deliveries().of(alice, both.id())).extracting(Delivery::channel,
                    Delivery::status, Delivery::purpose).containsExactlyInAnyOrder(
                    Tuple.tuple(DeliveryChannel.EMAIL, DeliveryStatus.PENDING, DeliveryPurpose.MESSAGE),
                    Tuple.tuple(DeliveryChannel.SMS, DeliveryStatus.PENDING, DeliveryPurpose.MESSAGE));
            tick();
            Message note = messaging.messages().create(alice, NewMessage.to("c1", "note").internal(true).build());
            assertThat(messaging.deliveries().of(alice, note.id())).isEmpty();
            tick();
            Message old = messaging.messages().create(system, NewMessage.to("c1", "old").sendSms(true).imported(true)
                    .createdDate(clock.instant().minus(Duration.ofDays(3))).build());
            assertThat(messaging.deliveries().of(alice, old.id())).isEmpty();
        }

        @Test
        void aClaimLeasesAndTheOutcomesMoveTheMessage() {
            Message m = sms("c1", "your car is ready");
            List<Outgoing> claimed = claimOurs(DeliveryChannel.SMS);
            assertThat(claimed).singleElement().satisfies(o -> {
                assertThat(o.message().id()).isEqualTo(m.id());
                assertThat(o.text()).isEqualTo("your car is ready");
                assertThat(o.attempt()).isEqualTo(1);
            });
            assertThat(claimOurs(DeliveryChannel.SMS)).as("leased: nobody else gets it").isEmpty();
            long before = feedHead();
            messaging.deliveries().outcome(claimed.get(0), SendResult.sent("p-" + m.id()));
            Message sent = find(m.id());
            assertThat(sent.sms().status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(sent.sms().history()).extracting(d -> d.status()).containsExactly(DeliveryStatus.SENT);
            assertThat(feed()).filteredOn(c -> c.sequence() > before).extracting(Change::entityType, Change::operation)
                    .containsExactly(Tuple.tuple(EntityType.MESSAGE, Operation.DELIVERY));
            messaging.deliveries().report(system, "p-" + m.id(), DeliveryStatus.DELIVERED, null);
            messaging.deliveries().report(system, "p-" + m.id(), DeliveryStatus.SENT, null);
            messaging.deliveries().report(system, "p-" + m.id(), DeliveryStatus.DELIVERED, null);
            assertThat(find(m.id()).sms().status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(find(m.id()).sms().history()).hasSize(2);
            assertThatThrownBy(() -> messaging.deliveries().report(system, "nobody's", DeliveryStatus.READ, null))
                    .isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> messaging.deliveries().report(Actor.system("other-" + company, location),
                    "p-" + m.id(), DeliveryStatus.READ, null)).isInstanceOf(NotFoundException.class);
        }

        @Test
        void aLapsedLeaseMakesTheDeliveryDueAgainWithTheSameKey() {
            sms("c1", "hello");
            Outgoing first = messaging.deliveries().claim(DeliveryChannel.SMS, 1_000, Duration.ofSeconds(30)).stream()
                    .filter(o -> o.tenant().equals(alice.tenant())).findFirst().orElseThrow();
            clock.advance(Duration.ofSeconds(29));
            assertThat(claimOurs(DeliveryChannel.SMS)).isEmpty();
            clock.advance(Duration.ofSeconds(2));
            List<Outgoing> again = claimOurs(DeliveryChannel.SMS);
            assertThat(again).singleElement().satisfies(o -> assertThat(o.key()).isEqualTo(first.key()));
            messaging.deliveries().outcome(first, SendResult.retryLater("late word from the first claim"));
            assertThat(messaging.deliveries().of(alice, first.message().id()).get(0))
                    .as("two claims counted; a stale claim's retry does not touch a delivery claimed since")
                    .satisfies(d -> assertThat(d.attempts()).isEqualTo(2), d -> assertThat(d.leaseHolder())
                            .isEqualTo(again.get(0).claimer()));
            messaging.deliveries().outcome(again.get(0), SendResult.sent("p-again-" + company));
            assertThat(find(first.message().id()).sms().status()).isEqualTo(DeliveryStatus.SENT);
        }

        @Test
        void aLateSentOfALapsedClaimWinsOverALaterClaimsFailure() {
            Message m = sms("c1", "sent by the first claim, late to say so");
            Outgoing first = claimOurs(DeliveryChannel.SMS).get(0);
            clock.advance(Duration.ofMinutes(6));
            Outgoing second = claimOurs(DeliveryChannel.SMS).get(0);
            messaging.deliveries().outcome(second, SendResult.failed("21211: duplicate of an earlier request"));
            assertThat(find(m.id()).sms().status()).isEqualTo(DeliveryStatus.ERROR);
            messaging.deliveries().outcome(first, SendResult.sent("p-first-" + company));
            Delivery d = messaging.deliveries().of(alice, m.id()).get(0);
            assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(d.providerMessageId()).isEqualTo("p-first-" + company);
            assertThat(find(m.id()).sms().status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(find(m.id()).sms().history()).extracting(SendStep::status)
                    .endsWith(DeliveryStatus.ERROR, DeliveryStatus.SENT);
            // the provider's later reports still move it, by the first claim's id
            messaging.deliveries().report(system, "p-first-" + company, DeliveryStatus.DELIVERED, null);
            assertThat(find(m.id()).sms().status()).isEqualTo(DeliveryStatus.DELIVERED);
        }

        @Test
        void retriesFollowThePolicyAndExhaustedAttemptsEndInErrorWithTheLastReason() {
            try (Messaging m = strict(3)) {
                Message sent = sms("c1", "retry me");
                m.deliveries().outcome(claimOurs(m, DeliveryChannel.SMS).get(0), SendResult.retryLater("busy 1"));
                clock.advance(Duration.ofSeconds(29));
                assertThat(claimOurs(m, DeliveryChannel.SMS)).isEmpty();
                clock.advance(Duration.ofSeconds(1));
                Outgoing second = claimOurs(m, DeliveryChannel.SMS).get(0);
                assertThat(second.attempt()).isEqualTo(2);
                m.deliveries().outcome(second, SendResult.retryLater("busy 2"));
                clock.advance(Duration.ofSeconds(59));
                assertThat(claimOurs(m, DeliveryChannel.SMS)).isEmpty();
                clock.advance(Duration.ofSeconds(1));
                m.deliveries().outcome(claimOurs(m, DeliveryChannel.SMS).get(0), SendResult.retryLater("busy 3"));
                Message failed = find(sent.id());
                assertThat(failed.sms().status()).isEqualTo(DeliveryStatus.ERROR);
                assertThat(failed.sms().error()).isEqualTo("busy 3");
                assertThat(messaging.deliveries().of(alice, sent.id()).get(0).attempts()).isEqualTo(3);
                clock.advance(Duration.ofHours(2));
                assertThat(claimOurs(m, DeliveryChannel.SMS)).isEmpty();
            }
        }

        @Test
        void aProvidersRetryAfterIsWaitedWhenLongerThanTheBackoff() {
            try (Messaging m = strict(8)) {
                Message busy = sms("c1", "provider busy");
                m.deliveries().outcome(claimOurs(m, DeliveryChannel.SMS).get(0),
                        SendResult.retryLater("429", Duration.ofMinutes(10)));
                clock.advance(Duration.ofMinutes(10).minusSeconds(1));
                assertThat(claimOurs(m, DeliveryChannel.SMS)).as("the backoff alone would be 30 s").isEmpty();
                clock.advance(Duration.ofSeconds(1));
                Outgoing second = claimOurs(m, DeliveryChannel.SMS).get(0);
                m.deliveries().outcome(second, SendResult.retryLater("429", Duration.ofSeconds(5)));
                clock.advance(Duration.ofSeconds(59));
                assertThat(claimOurs(m, DeliveryChannel.SMS)).as("the 60 s backoff is longer").isEmpty();
                clock.advance(Duration.ofSeconds(1));
                Outgoing third = claimOurs(m, DeliveryChannel.SMS).get(0);
                assertThat(third.attempt()).isEqualTo(3);
                ValidationException e = catchThrowableOfType(ValidationException.class, () -> m.deliveries()
                        .outcome(third, new SendResult(SendResult.Kind.FAILED, null, "x", Duration.ofSeconds(1))));
                assertThat(e.fields()).containsExactly("result.retryAfter");
                assertThat(find(busy.id()).sms().status()).isEqualTo(DeliveryStatus.PENDING);
            }
        }

        @Test
        void aPermanentFailureIsNotRetried() {
            Message m = sms("c1", "to a landline");
            messaging.deliveries().outcome(claimOurs(DeliveryChannel.SMS).get(0), SendResult.failed("not a mobile"));
            assertThat(find(m.id()).sms().status()).isEqualTo(DeliveryStatus.ERROR);
            assertThat(find(m.id()).sms().error()).isEqualTo("not a mobile");
            clock.advance(Duration.ofHours(3));
            assertThat(claimOurs(DeliveryChannel.SMS)).isEmpty();
        }

        @Test
        void aSendWithNoAddressFailsWhenClaimedAndNeverReachesASender() {
            tick();
            Message m = messaging.messages().create(alice, NewMessage.to("no-contact", "hi").sendSms(true).sendEmail(true)
                    .build());
            assertThat(claimOurs(DeliveryChannel.SMS)).isEmpty();
            assertThat(claimOurs(DeliveryChannel.EMAIL)).isEmpty();
            Message after = find(m.id());
            assertThat(after.sms().status()).isEqualTo(DeliveryStatus.ERROR);
            assertThat(after.sms().error()).isEqualTo("no address: the customer's contact has no phone");
            assertThat(after.email().status()).isEqualTo(DeliveryStatus.ERROR);
            assertThat(after.email().error()).isEqualTo("no address: the customer's contact has no email");
            clock.advance(Duration.ofDays(1));
            assertThat(claimOurs(DeliveryChannel.SMS)).isEmpty();
        }

        @Test
        void aStopAfterASendWasWrittenEndsItAsOptOutWhenClaimedWithoutReachingASender() {
            tick();
            Message scheduled = messaging.messages().create(alice, NewMessage.to("c1", "reminder: tomorrow at 9")
                    .sendSms(true).sendEmail(true).sendAt(clock.instant().plus(Duration.ofHours(1))).build());
            Message pending = sms("c1", "your car is ready");
            tick();
            messaging.messages().create(customer("c1"), NewMessage.to("c1", "STOP").origin(MessageOrigin.SMS).build());
            clock.advance(Duration.ofHours(2));
            assertThat(claimOurs(DeliveryChannel.SMS)).isEmpty();
            for (Message m : List.of(scheduled, pending)) {
                assertThat(find(m.id()).sms().status()).isEqualTo(DeliveryStatus.OPT_OUT);
                assertThat(find(m.id()).sms().error()).isEqualTo("the customer unsubscribed from sms");
            }
            // the other channel is not touched by an SMS STOP
            assertThat(claimOurs(DeliveryChannel.EMAIL)).extracting(o -> o.message().id()).containsExactly(scheduled.id());
            // a manual opt-out of email counts the same way
            tick();
            Message mail = messaging.messages().create(alice, NewMessage.to("c1", "invoice").sendEmail(true).build());
            messaging.consents().set(alice, "c1", DeliveryChannel.EMAIL, false, "manual", "asked on the phone");
            assertThat(claimOurs(DeliveryChannel.EMAIL)).isEmpty();
            assertThat(find(mail.id()).email().status()).isEqualTo(DeliveryStatus.OPT_OUT);
        }

        @Test
        void aProvidersOptOutAnswerUnsubscribesTheChannelAndEndsTheCustomersOtherSends() {
            Message first = sms("c1", "first");
            tick();
            Message later = messaging.messages().create(alice, NewMessage.to("c1", "later").sendSms(true)
                    .sendAt(clock.instant().plus(Duration.ofHours(1))).build());
            Message other = sms("c2", "to another customer");
            List<Outgoing> claimed = claimOurs(DeliveryChannel.SMS);
            assertThat(claimed).hasSize(2);
            Outgoing toC1 = claimed.stream().filter(o -> o.message().id().equals(first.id())).findFirst().orElseThrow();
            messaging.deliveries().outcome(toC1, SendResult.optedOut("21610: the recipient unsubscribed"));
            assertThat(find(first.id()).sms().status()).isEqualTo(DeliveryStatus.OPT_OUT);
            assertThat(messaging.consents().of(alice, "c1")).filteredOn(c -> c.channel() == DeliveryChannel.SMS)
                    .singleElement().satisfies(c -> {
                        assertThat(c.subscribed()).isFalse();
                        assertThat(c.source()).isEqualTo("provider");
                        assertThat(c.reason()).isEqualTo("21610: the recipient unsubscribed");
                    });
            clock.advance(Duration.ofHours(2));
            assertThat(claimOurs(DeliveryChannel.SMS)).extracting(o -> o.message().id()).doesNotContain(later.id());
            assertThat(find(later.id()).sms().status()).isEqualTo(DeliveryStatus.OPT_OUT);
            assertThat(find(other.id()).sms().status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(messaging.consents().of(alice, "c2")).allMatch(c -> c.subscribed());
        }

        @Test
        void claimsWithoutAnOutcomeCountAsAttemptsAndEndInErrorWhenTheyRunOut() {
            try (Messaging m = strict(3)) {
                Message crashing = sms("c1", "its sender crashes the process every time");
                for (int attempt = 1; attempt <= 3; attempt++) {
                    assertThat(claimOurs(m, DeliveryChannel.SMS)).singleElement()
                            .satisfies(o -> assertThat(o.key()).isNotNull()).extracting(Outgoing::attempt)
                            .isEqualTo(attempt);
                    clock.advance(Duration.ofMinutes(6)); // the lease lapses: no outcome ever came
                }
                assertThat(claimOurs(m, DeliveryChannel.SMS)).as("a fourth hand-over").isEmpty();
                Delivery ended = m.deliveries().of(alice, crashing.id()).get(0);
                assertThat(ended.status()).isEqualTo(DeliveryStatus.ERROR);
                assertThat(ended.attempts()).isEqualTo(3);
                assertThat(ended.lastError()).startsWith("claimed 3 times without an outcome");
                assertThat(find(crashing.id()).sms().status()).isEqualTo(DeliveryStatus.ERROR);
                clock.advance(Duration.ofHours(1));
                assertThat(claimOurs(m, DeliveryChannel.SMS)).isEmpty();
            }
        }

        @Test
        void aWebhookReportsByTheProvidersIdAloneAndNeverCrossesTenants() {
            Message ours = sms("c1", "ours");
            Message optOut = sms("c2", "will opt out");
            Actor theirs = Actor.user("other-" + company, location, "zoe");
            addressed(theirs, "x1");
            tick();
            Message other = messaging.messages().create(theirs, NewMessage.to("x1", "theirs").sendSms(true).build());
            String shared = "SM-shared-" + company;
            for (Outgoing o : messaging.deliveries().claim(DeliveryChannel.SMS, 1_000, Duration.ofMinutes(5))) {
                String id = o.message().id();
                if (id.equals(ours.id())) {
                    messaging.deliveries().outcome(o, SendResult.sent("SM-ours-" + company));
                } else if (id.equals(optOut.id())) {
                    messaging.deliveries().outcome(o, SendResult.sent("SM-optout-" + company));
                } else if (id.equals(other.id())) {
                    messaging.deliveries().outcome(o, SendResult.sent(shared));
                }
            }
            Message reported = messaging.deliveries().reportFromProvider("SM-ours-" + company,
                    ProviderStatuses.twilio("delivered", null).orElseThrow(), null).orElseThrow();
            assertThat(reported.id()).isEqualTo(ours.id());
            assertThat(find(ours.id()).sms().status()).isEqualTo(DeliveryStatus.DELIVERED);
            messaging.deliveries().reportFromProvider("SM-optout-" + company,
                    ProviderStatuses.twilio("failed", "21610").orElseThrow(), "21610");
            assertThat(find(optOut.id()).sms().status()).isEqualTo(DeliveryStatus.OPT_OUT);
            assertThat(messaging.consents().of(alice, "c2")).filteredOn(c -> c.channel() == DeliveryChannel.SMS)
                    .singleElement().satisfies(c -> assertThat(c.subscribed()).isFalse());
            // a callback before its Sent: kept, and applied when the Sent with its id lands
            assertThat(messaging.deliveries().reportFromProvider("SM-early-" + company, DeliveryStatus.DELIVERED,
                    null)).isEmpty();
            Message early = sms("c1", "its callback came first");
            for (Outgoing o : claimOurs(DeliveryChannel.SMS)) {
                if (o.message().id().equals(early.id())) {
                    messaging.deliveries().outcome(o, SendResult.sent("SM-early-" + company));
                }
            }
            assertThat(find(early.id()).sms().status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(find(early.id()).sms().history()).extracting(SendStep::status)
                    .containsExactly(DeliveryStatus.SENT, DeliveryStatus.DELIVERED);

            // the same provider id in two tenants: refused, neither touched
            Message clash = sms("c1", "clash");
            for (Outgoing o : claimOurs(DeliveryChannel.SMS)) {
                if (o.message().id().equals(clash.id())) {
                    messaging.deliveries().outcome(o, SendResult.sent(shared));
                }
            }
            assertThatThrownBy(() -> messaging.deliveries().reportFromProvider(shared, DeliveryStatus.DELIVERED, null))
                    .isInstanceOf(ConflictException.class);
            assertThat(find(clash.id()).sms().status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(messaging.messages().find(theirs, other.id()).orElseThrow().sms().status())
                    .isEqualTo(DeliveryStatus.SENT);
        }

        @Test
        void aStatusReportedByMessageIdMovesTheDeliveryToo() {
            Message delivered = sms("c1", "reported delivered before the worker ran");
            Message failed = sms("c2", "reported failed");
            tick();
            Message scheduled = messaging.messages().create(alice, NewMessage.to("c1", "later").sendSms(true)
                    .sendAt(clock.instant().plus(Duration.ofHours(1))).build());
            messaging.messages().updateDelivery(system, delivered.id(), DeliveryUpdate.sms(DeliveryStatus.DELIVERED));
            messaging.messages().updateDelivery(system, failed.id(),
                    DeliveryUpdate.sms(DeliveryStatus.ERROR).withError("30003 unreachable"));
            messaging.messages().updateDelivery(system, scheduled.id(), DeliveryUpdate.sms(DeliveryStatus.CANCELED));
            clock.advance(Duration.ofHours(2));
            assertThat(claimOurs(DeliveryChannel.SMS)).as("none is handed to a sender again").isEmpty();
            assertThat(messaging.deliveries().of(alice, delivered.id()).get(0).status())
                    .isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(messaging.deliveries().of(alice, failed.id()).get(0).status()).isEqualTo(DeliveryStatus.ERROR);
            assertThat(messaging.deliveries().of(alice, scheduled.id()).get(0).status())
                    .isEqualTo(DeliveryStatus.CANCELED);
            // a provider's status is the system's word: no user reports it, by message or provider id
            assertThatThrownBy(() -> messaging.messages().updateDelivery(alice, delivered.id(),
                    DeliveryUpdate.sms(DeliveryStatus.READ))).isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> messaging.deliveries().report(alice, "p-1", DeliveryStatus.READ, null))
                    .isInstanceOf(ForbiddenException.class);
        }

        @Test
        void anOutcomeForADeliveryNobodyClaimedIsRefusedAndChangesNothing() {
            Message m = sms("c1", "never claimed");
            Delivery delivery = messaging.deliveries().of(alice, m.id()).get(0);
            Outgoing madeUp = new Outgoing(delivery.id(), DeliveryChannel.SMS, DeliveryPurpose.MESSAGE, alice.tenant(),
                    "+15550100", null, m, 1, "a-claim-that-never-was");
            assertThatThrownBy(() -> messaging.deliveries().outcome(madeUp, SendResult.sent("p-1")))
                    .isInstanceOf(ConflictException.class);
            assertThat(messaging.deliveries().of(alice, m.id()).get(0)).isEqualTo(delivery);
            assertThat(find(m.id()).sms().status()).isEqualTo(DeliveryStatus.PENDING);
            Outgoing claimed = claimOurs(DeliveryChannel.SMS).get(0);
            messaging.deliveries().outcome(claimed, SendResult.sent("p-1"));
            assertThat(find(m.id()).sms().status()).isEqualTo(DeliveryStatus.SENT);
        }
    }

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

    /** How many cancel-versus-claim rounds a store runs (1,000; a store may say fewer if each round is slow). */
    protected int rounds() {
        return 1_000;
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

    @Nested
    @DisplayName("Staff notifications")
    class Notifications {
        private List<Delivery> notificationsOf(Message m) {
            return messaging.deliveries().of(alice, m.id()).stream()
                    .filter(d -> d.purpose() == DeliveryPurpose.NOTIFICATION).toList();
        }

        /** Waits (up to 20 s) until every delivery of {@code m} left Pending. */
        private List<Delivery> settled(Message m) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            List<Delivery> all = messaging.deliveries().of(alice, m.id());
            while (all.stream().anyMatch(d -> d.status() == DeliveryStatus.PENDING) && System.nanoTime() < deadline) {
                Thread.sleep(20);
                all = messaging.deliveries().of(alice, m.id());
            }
            return all;
        }

        @Test
        void staffNotificationsGoToTheNotifierAndNeverToACustomerSender() throws Exception {
            String conversation = customerSays("c1", "hello").conversationId();
            messaging.conversations().update(alice, conversation, ConversationUpdate.empty().assignedTo("alice"));
            RecordingSender customers = new RecordingSender();
            RecordingSender staff = new RecordingSender();
            Message question;
            Message answer;
            try (DeliveryWorker worker = messaging.deliveries().worker().sender(DeliveryChannel.SMS, customers)
                    .sender(DeliveryChannel.EMAIL, customers).notifier(staff::send).idlePoll(Duration.ofMillis(20))
                    .start()) {
                question = customerSays("c1", "is my car ready?");
                tick();
                answer = messaging.messages().create(alice, NewMessage.to("c1", "yes").sendSms(true).build());
                assertThat(settled(question)).hasSize(3).allMatch(d -> d.status() == DeliveryStatus.SENT);
                assertThat(settled(answer)).singleElement().satisfies(d -> assertThat(d.status())
                        .isEqualTo(DeliveryStatus.SENT));
            }
            assertThat(staff.sent()).filteredOn(o -> o.tenant().equals(alice.tenant()))
                    .extracting(Outgoing::purpose, Outgoing::recipientUserId, o -> o.message().id(), Outgoing::channel)
                    .containsExactlyInAnyOrder(Tuple.tuple(DeliveryPurpose.NOTIFICATION, "alice", question.id(),
                            DeliveryChannel.IN_APP), Tuple.tuple(DeliveryPurpose.NOTIFICATION, "alice", question.id(),
                            DeliveryChannel.SMS), Tuple.tuple(DeliveryPurpose.NOTIFICATION, "alice", question.id(),
                            DeliveryChannel.EMAIL));
            assertThat(customers.sent()).filteredOn(o -> o.tenant().equals(alice.tenant())).singleElement()
                    .satisfies(o -> {
                        assertThat(o.message().id()).isEqualTo(answer.id());
                        assertThat(o.to()).isNotBlank();
                    });
        }

        @Test
        void withoutANotifierStaffNotificationsOnSmsAndEmailEndAsErrorWithoutReachingASender() throws Exception {
            String conversation = customerSays("c1", "hello").conversationId();
            messaging.conversations().update(alice, conversation, ConversationUpdate.empty().assignedTo("alice"));
            RecordingSender customers = new RecordingSender();
            Message question;
            try (DeliveryWorker worker = messaging.deliveries().worker().sender(DeliveryChannel.SMS, customers)
                    .sender(DeliveryChannel.EMAIL, customers).idlePoll(Duration.ofMillis(20)).start()) {
                question = customerSays("c1", "is my car ready?");
                assertThat(settled(question)).filteredOn(d -> d.channel() != DeliveryChannel.IN_APP).hasSize(2)
                        .allSatisfy(d -> {
                            assertThat(d.status()).isEqualTo(DeliveryStatus.ERROR);
                            assertThat(d.lastError()).startsWith("not sent: no notifier takes staff notifications");
                        });
            }
            assertThat(customers.sent()).filteredOn(o -> o.tenant().equals(alice.tenant())).isEmpty();
        }

        @Test
        void theAssigneeOrElseTheUsersWithAThreadAreNotifiedOnTheChannelsTheyChose() {
            Message first = customerSays("c1", "hello");
            String conversation = first.conversationId();
            assertThat(notificationsOf(first)).as("nobody has a thread yet").isEmpty();
            messaging.threads().markRead(alice, threadId(alice, conversation));
            messaging.threads().markRead(bob, threadId(bob, conversation));
            messaging.notificationConfig().set(alice, new NotificationConfig("alice", false, true, false));
            Message second = customerSays("c1", "anyone?");
            assertThat(notificationsOf(second)).extracting(Delivery::recipientUserId, Delivery::channel)
                    .containsExactlyInAnyOrder(Tuple.tuple("alice", DeliveryChannel.IN_APP),
                            Tuple.tuple("bob", DeliveryChannel.EMAIL),
                            Tuple.tuple("bob", DeliveryChannel.SMS),
                            Tuple.tuple("bob", DeliveryChannel.IN_APP));
            messaging.conversations().update(alice, conversation, ConversationUpdate.empty().assignedTo("carol"));
            assertThat(notificationsOf(customerSays("c1", "carol?"))).extracting(Delivery::recipientUserId)
                    .containsOnly("carol").hasSize(3);
            messaging.threads().setMuted(Actor.user(company, location, "carol"),
                    threadId(Actor.user(company, location, "carol"), conversation), true);
            assertThat(notificationsOf(customerSays("c1", "muted?"))).isEmpty();
            tick();
            Message reply = messaging.messages().create(bob, NewMessage.to("c1", "here").build());
            assertThat(notificationsOf(reply)).as("nobody is notified of a user's own message").isEmpty();
            List<Outgoing> inApp = claimOurs(DeliveryChannel.IN_APP);
            assertThat(inApp).extracting(Outgoing::recipientUserId).contains("alice", "bob", "carol");
            assertThat(inApp).allSatisfy(o -> assertThat(o.to()).isNull());
        }
    }

    @Nested
    @DisplayName("Senders")
    class Senders {
        private final List<Throwable> errors = new CopyOnWriteArrayList<>();

        /** A worker of one thread for SMS; the clock stands still, so nothing is due again unless a test moves it. */
        private DeliveryWorker worker(Sender sender) {
            return messaging.deliveries().worker().sender(DeliveryChannel.SMS, sender).threads(1)
                    .idlePoll(Duration.ofMillis(20)).lease(Duration.ofMinutes(1)).onError(errors::add).start();
        }

        private Delivery deliveryOf(Message m) {
            return messaging.deliveries().of(alice, m.id()).get(0);
        }

        /** Waits (up to 5 s) until the outcome of the send of message {@code id} (if any) is recorded. */
        private void awaitRecorded(String id) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (id != null && messaging.deliveries().of(alice, id).get(0).leaseHolder() != null
                    && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        }

        /** Waits (up to 20 s) until {@code m}'s delivery has an outcome: claimed, and its lease given back. */
        private Delivery recorded(Message m) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            Delivery d = deliveryOf(m);
            while ((d.attempts() == 0 || d.leaseHolder() != null) && System.nanoTime() < deadline) {
                Thread.sleep(20);
                d = deliveryOf(m);
            }
            return d;
        }

        @Test
        void noSendIsHandedOverOnceItsLeaseIsAlmostOverAndTheRestOfTheBatchGoesBackUncounted() throws Exception {
            List<Message> messages = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                messages.add(sms("c1", "batch " + i));
            }
            Map<String, List<Duration>> leaseLeft = new ConcurrentHashMap<>();
            AtomicReference<String> previous = new AtomicReference<>();
            try (DeliveryWorker worker = messaging.deliveries().worker().sender(DeliveryChannel.SMS, o -> {
                if (!o.tenant().equals(alice.tenant())) {
                    return SendResult.retryLater("not this test's");
                }
                Delivery held = messaging.deliveries().of(alice, o.message().id()).get(0);
                leaseLeft.computeIfAbsent(o.key(), k -> new CopyOnWriteArrayList<>())
                        .add(Duration.between(clock.instant(), held.leaseUntil()));
                // the clock moves here, not in real time: let the recorder keep the pace a real send gives it
                awaitRecorded(previous.getAndSet(o.message().id()));
                clock.advance(Duration.ofSeconds(5)); // each send takes 5 s of the one-minute lease
                return SendResult.sent("p-" + o.key());
            }).threads(1).batch(20).idlePoll(Duration.ofMillis(20)).lease(Duration.ofMinutes(1)).onError(errors::add)
                    .start()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (leaseLeft.size() < 20 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                for (Message m : messages) {
                    recorded(m);
                }
            }
            assertThat(errors).isEmpty();
            // a batch of 20 at 5 s each outlasts its lease: no send was handed over with less than a
            // tenth of its lease left, the rest went back and was sent by the next claim, once each
            assertThat(leaseLeft).hasSize(20).allSatisfy((key, left) -> assertThat(left).as(key).singleElement()
                    .satisfies(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofSeconds(6))));
            for (Message m : messages) {
                assertThat(find(m.id()).sms().status()).isEqualTo(DeliveryStatus.SENT);
                assertThat(deliveryOf(m).attempts()).as("a claim given back is not an attempt").isEqualTo(1);
            }
            assertThat(errors).isEmpty();
        }

        /** What a generated sender does on one hand-over. */
        private enum Behaviour {
            SENT, BAD_ID, RETRY, RETRY_AFTER, FAILED, OPTED_OUT, NO_RESULT, THROWS, THROWS_ERROR, HANGS
        }

        @Test
        void randomSenderBehaviourEndsEveryDeliveryOnceAndHandsNoneOverMoreThanMaxAttempts() {
            Cases.run(1, gen -> {
                try {
                    randomBehaviour(gen, 600, 4);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        private void randomBehaviour(Gen gen, int count, int maxAttempts) throws InterruptedException {
            Map<String, Behaviour[]> plans = new HashMap<>();
            Map<String, AtomicInteger> handed = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
            List<Message> messages = new ArrayList<>();
            for (int c = 0; c < 60; c++) {
                addressed(alice, "r" + c); // an opt-out answer ends its customer's other sends: many customers
            }
            try (Messaging m = strict(maxAttempts)) {
                for (int i = 0; i < count; i++) {
                    clock.advance(Duration.ofMillis(1));
                    Message message = m.messages().create(alice, NewMessage.to("r" + i % 60, "n" + i)
                            .sendSms(true).build());
                    messages.add(message);
                    Behaviour[] plan = new Behaviour[maxAttempts + 2];
                    for (int a = 0; a < plan.length; a++) {
                        plan[a] = gen.oneOf(Behaviour.values());
                    }
                    plans.put(message.id(), plan);
                }
                try (DeliveryWorker worker = m.deliveries().worker().sender(DeliveryChannel.SMS, o -> {
                    if (!o.tenant().equals(alice.tenant())) {
                        return SendResult.retryLater("not this test's");
                    }
                    int turn = handed.computeIfAbsent(o.message().id(), k -> new AtomicInteger()).incrementAndGet();
                    Behaviour b = plans.get(o.message().id())[Math.min(turn, maxAttempts + 1) - 1];
                    return switch (b) {
                        case SENT, BAD_ID -> {
                            accepted.computeIfAbsent(o.message().id(), k -> new AtomicInteger()).incrementAndGet();
                            yield SendResult.sent(b == Behaviour.SENT ? "p-" + o.key() : "bad\u0000id");
                        }
                        case RETRY -> SendResult.retryLater("busy");
                        case RETRY_AFTER -> SendResult.retryLater("slow down", Duration.ofMinutes(10));
                        case FAILED -> SendResult.failed("21211 invalid number");
                        case OPTED_OUT -> SendResult.optedOut("21610 unsubscribed");
                        case NO_RESULT -> null;
                        case THROWS -> throw new IllegalStateException("provider down");
                        case THROWS_ERROR -> throw new ExceptionInInitializerError("sdk");
                        case HANGS -> {
                            Thread.sleep(5_000);
                            yield SendResult.sent("too-late-" + o.key());
                        }
                    };
                }).threads(2).batch(50).idlePoll(Duration.ofMillis(10)).sendTimeout(Duration.ofMillis(50))
                        .lease(Duration.ofMinutes(30)).start()) {
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                    while (System.nanoTime() < deadline && messages.stream()
                            .anyMatch(msg -> m.deliveries().of(alice, msg.id()).get(0).status().canMoveTo(
                                    DeliveryStatus.SENT))) {
                        Thread.sleep(50);
                        clock.advance(Duration.ofMinutes(10)); // retries fall due; a batch slowed by hangs runs out of lease
                    }
                }
                for (Message message : messages) {
                    Delivery d = m.deliveries().of(alice, message.id()).get(0);
                    int times = handed.getOrDefault(message.id(), new AtomicInteger()).get();
                    int took = accepted.getOrDefault(message.id(), new AtomicInteger()).get();
                    String what = message.id() + " " + List.of(plans.get(message.id())) + " handed " + times + ": " + d;
                    assertThat(d.status()).as(what).isIn(DeliveryStatus.SENT, DeliveryStatus.ERROR, DeliveryStatus.OPT_OUT);
                    assertThat(times).as(what).isBetween(0, maxAttempts);
                    if (times == 0) {
                        // an opt-out of its customer, or claims that lapsed (a thread stalled past the lease)
                        assertThat(d.status()).as(what).isIn(DeliveryStatus.OPT_OUT, DeliveryStatus.ERROR);
                    }
                    // claims count: a claim whose batch ran out of lease before its turn is one too
                    assertThat(d.attempts()).as(what).isBetween(times, maxAttempts);
                    assertThat(d.leaseHolder()).as(what).isNull();
                    if (d.status() == DeliveryStatus.SENT) {
                        assertThat(took).as(what).isPositive();
                    }
                    assertThat(m.messages().find(alice, message.id()).orElseThrow().sms().status()).as(what)
                            .isEqualTo(d.status());
                }
                assertThat(m.verify(alice.tenant()).ok()).isTrue();
            }
        }

        @Test
        void theOutboxCountsWhatWaitsAndHowLateItIs() {
            OutboxStatistics before = messaging.deliveries().statistics();
            for (int i = 0; i < 3; i++) {
                sms("c1", "now " + i);
            }
            tick();
            messaging.messages().create(alice, NewMessage.to("c2", "later").sendSms(true)
                    .sendAt(clock.instant().plus(Duration.ofHours(1))).build());
            clock.advance(Duration.ofMinutes(10));
            OutboxStatistics after = messaging.deliveries().statistics();
            assertThat(after.at()).isEqualTo(clock.instant());
            Backlog was = before.of(DeliveryChannel.SMS);
            Backlog sms = after.of(DeliveryChannel.SMS);
            assertThat(sms.pending() - was.pending()).isEqualTo(3);
            assertThat(sms.scheduled() - was.scheduled()).isEqualTo(1);
            assertThat(sms.due() - was.due()).isGreaterThanOrEqualTo(3);
            assertThat(sms.lag()).isGreaterThanOrEqualTo(Duration.ofMinutes(10));
            for (Outgoing o : claimOurs(DeliveryChannel.SMS)) {
                messaging.deliveries().outcome(o, SendResult.sent("p-" + o.key()));
            }
            Backlog sent = messaging.deliveries().statistics().of(DeliveryChannel.SMS);
            assertThat(sent.pending() - was.pending()).isZero();
            assertThat(sent.scheduled() - was.scheduled()).isEqualTo(1);
        }

        @Test
        void aWorkerCountsItsOutcomesAndItsHealthSaysWhenItIsStuck() throws Exception {
            CountDownLatch hang = new CountDownLatch(1);
            AtomicInteger others = new AtomicInteger();
            Message slow = sms("c1", "hang");
            Message[] answered = {sms("c1", "sent"), sms("c1", "retry"), sms("c1", "fail")};
            try (DeliveryWorker worker = messaging.deliveries().worker().sender(DeliveryChannel.SMS, o -> {
                if (!o.tenant().equals(alice.tenant())) {
                    others.incrementAndGet();
                    return SendResult.retryLater("not this test's");
                }
                return switch (o.message().text()) {
                    case "hang" -> {
                        hang.await(); // a provider call that does not return (no send timeout set)
                        yield SendResult.sent("p-" + o.key());
                    }
                    case "retry" -> SendResult.retryLater("busy");
                    case "fail" -> SendResult.failed("bad number");
                    default -> SendResult.sent("p-" + o.key());
                };
            }).threads(1).batch(1).idlePoll(Duration.ofMillis(20)).lease(Duration.ofMinutes(1)).start()) {
                assertThat(worker.health().healthy()).isTrue();
                clock.advance(Duration.ofMinutes(5)); // the worker is stuck in the first send; the rest waits
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                WorkerHealth health = worker.health();
                while (health.healthy() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                    health = worker.health();
                }
                assertThat(health.healthy()).isFalse();
                assertThat(health.threadsAlive()).isEqualTo(1);
                assertThat(health.problems()).anySatisfy(p -> assertThat(p).contains("SMS deliveries due for")
                        .contains("while this worker claimed nothing since"));
                hang.countDown();
                for (Message m : answered) {
                    recorded(m);
                }
                recorded(slow);
                WorkerStatistics statistics = worker.statistics();
                SendCounts counts = statistics.of(DeliveryChannel.SMS);
                // the hung send outlived its lease (the clock moved 5 min): its Sent may come after a
                // second claim handed it over again, which the provider's key keeps from going twice
                assertThat(counts.sent()).isBetween(2L, 3L);
                assertThat(counts.retried()).isEqualTo(1 + others.get());
                assertThat(counts.failed()).isEqualTo(1);
                assertThat(counts.handedOver()).isEqualTo(counts.sent() + counts.retried() + counts.failed());
                assertThat(counts.maxSendTime()).isPositive();
                assertThat(statistics.claims()).isPositive();
                assertThat(statistics.lastClaim()).isNotNull();
                assertThat(worker.sent()).isEqualTo(counts.sent());
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (!worker.health().healthy() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(worker.health().problems()).isEmpty();
                worker.close();
                assertThat(worker.health().problems()).containsExactly("closed");
            }
        }

        @Test
        void aHungSendIsInterruptedAfterTheSendTimeoutAndItsBatchMatesGoOn() throws Exception {
            Message hung = sms("c1", "hang");
            Message next = sms("c2", "next");
            CountDownLatch interrupted = new CountDownLatch(1);
            try (DeliveryWorker worker = messaging.deliveries().worker().sender(DeliveryChannel.SMS, o -> {
                if (!o.tenant().equals(alice.tenant())) {
                    return SendResult.retryLater("not this test's");
                }
                if (o.message().id().equals(hung.id())) {
                    try {
                        Thread.sleep(60_000); // a provider call that never answers
                    } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                    }
                }
                return SendResult.sent("p-" + o.key());
            }).threads(1).idlePoll(Duration.ofMillis(20)).sendTimeout(Duration.ofMillis(200)).onError(errors::add)
                    .start()) {
                assertThat(recorded(next).status()).isEqualTo(DeliveryStatus.SENT);
                Delivery retried = recorded(hung);
                assertThat(retried.status()).isEqualTo(DeliveryStatus.PENDING);
                assertThat(retried.attempts()).isEqualTo(1);
                assertThat(retried.lastError()).isEqualTo("no answer within PT0.2S: the send was interrupted");
                assertThat(interrupted.await(5, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(errors).anySatisfy(e -> assertThat(e).isInstanceOf(TimeoutException.class));
        }

        @Test
        void aSenderThrowingAnErrorGetsAnOutcomeAndTheWorkerGoesOn() throws Exception {
            AtomicInteger calls = new AtomicInteger();
            NoClassDefFoundError sdk = new NoClassDefFoundError("com/provider/Sdk");
            try (DeliveryWorker worker = worker(o -> {
                if (!o.tenant().equals(alice.tenant())) {
                    return SendResult.retryLater("not this test's");
                }
                if (calls.incrementAndGet() == 1) {
                    throw sdk;
                }
                return SendResult.sent("p-" + o.key());
            })) {
                Delivery first = recorded(sms("c1", "first"));
                assertThat(first.status()).isEqualTo(DeliveryStatus.PENDING);
                assertThat(first.attempts()).isEqualTo(1);
                assertThat(first.lastError()).contains("NoClassDefFoundError").contains("com/provider/Sdk");
                Delivery second = recorded(sms("c2", "second"));
                assertThat(second.status()).as("the worker's one thread outlived the Error").isEqualTo(DeliveryStatus.SENT);
                assertThat(errors).contains(sdk);
                assertThat(worker.lastError()).isNotNull();
            }
        }

        @Test
        void answersTheOutboxCannotKeepAreKeptInASafeFormAndNotSentAgain() throws Exception {
            Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
            String hugeReason = "timeout \u0000 ".repeat(2_000) + "\ud800";
            try (DeliveryWorker worker = worker(o -> {
                if (!o.tenant().equals(alice.tenant())) {
                    return SendResult.retryLater("not this test's");
                }
                calls.computeIfAbsent(o.text(), k -> new AtomicInteger()).incrementAndGet();
                return switch (o.text()) {
                    case "no id" -> SendResult.sent(null);
                    case "long id" -> SendResult.sent("x".repeat(300));
                    case "control id" -> SendResult.sent("a\u0001b");
                    case "no result" -> null;
                    default -> throw new IllegalStateException(hugeReason);
                };
            })) {
                Map<String, Message> messages = new LinkedHashMap<>();
                for (String text : List.of("no id", "long id", "control id", "no result", "huge reason")) {
                    messages.put(text, sms("c-" + text.replace(' ', '-'), text));
                }
                for (String text : List.of("no id", "long id", "control id")) {
                    Delivery d = recorded(messages.get(text));
                    assertThat(d.status()).as(text).isEqualTo(DeliveryStatus.SENT);
                    assertThat(d.providerMessageId()).as(text).isEqualTo("unusable-" + d.id());
                    assertThat(find(messages.get(text).id()).sms().status()).isEqualTo(DeliveryStatus.SENT);
                }
                Delivery none = recorded(messages.get("no result"));
                assertThat(none.attempts()).isEqualTo(1);
                assertThat(none.lastError()).isEqualTo("the sender returned no result");
                Delivery huge = recorded(messages.get("huge reason"));
                assertThat(huge.attempts()).isEqualTo(1);
                assertThat(huge.lastError()).startsWith("java.lang.IllegalStateException: timeout ").doesNotContain("\u0000")
                        .hasSizeLessThanOrEqualTo(2_000);
                clock.advance(Duration.ofMinutes(2)); // past every lease: an unrecorded delivery would go again
                Thread.sleep(300);
                for (String text : List.of("no id", "long id", "control id")) {
                    assertThat(calls.get(text).get()).as("sends of '%s'", text).isEqualTo(1);
                }
            }
        }

        @Test
        void aDeliveryOfAChannelNoWorkerSendsOnExpiresAsFailedSayingWhy() throws Exception {
            try (DeliveryWorker worker = messaging.deliveries().worker()
                    .sender(DeliveryChannel.SMS, o -> SendResult.sent("p-" + o.key())).threads(1)
                    .idlePoll(Duration.ofMillis(20)).expireUnsentAfter(Duration.ofHours(1)).start()) {
                tick();
                Message m = messaging.messages().create(alice, NewMessage.to("c1", "an email").sendEmail(true).build());
                Thread.sleep(400); // several sweeps: not waiting long enough yet
                assertThat(deliveryOf(m).status()).isEqualTo(DeliveryStatus.PENDING);
                clock.advance(Duration.ofHours(1).plusMinutes(1));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (deliveryOf(m).status() == DeliveryStatus.PENDING && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Delivery expired = deliveryOf(m);
                assertThat(expired.status()).isEqualTo(DeliveryStatus.ERROR);
                assertThat(expired.lastError()).contains("no sender").contains("EMAIL");
                assertThat(find(m.id()).email().status()).isEqualTo(DeliveryStatus.ERROR);
                // said once, in the counts and to onError / lastError()
                assertThat(worker.statistics().of(DeliveryChannel.EMAIL).expired()).isPositive();
                assertThat(worker.lastError()).isInstanceOf(IllegalStateException.class)
                        .hasMessageContaining("no sender took this");
            }
        }

        @Test
        void aProviderIdThatIsAnotherDeliverysFailsTheLaterOneInsteadOfSendingItForEver() throws Exception {
            AtomicInteger calls = new AtomicInteger();
            try (DeliveryWorker worker = worker(o -> {
                if (!o.tenant().equals(alice.tenant())) {
                    return SendResult.retryLater("not this test's");
                }
                calls.incrementAndGet();
                return SendResult.sent("same-id");
            })) {
                Delivery first = recorded(sms("c1", "first"));
                Delivery second = recorded(sms("c2", "second"));
                assertThat(first.status()).isEqualTo(DeliveryStatus.SENT);
                assertThat(first.providerMessageId()).isEqualTo("same-id");
                assertThat(second.status()).isEqualTo(DeliveryStatus.ERROR);
                assertThat(second.lastError()).contains("same-id").contains("another delivery's");
                clock.advance(Duration.ofMinutes(2));
                Thread.sleep(300);
                assertThat(calls.get()).as("sends in all").isEqualTo(2);
            }
        }
    }

    @Nested
    @DisplayName("Many workers")
    class ManyWorkers {
        @Test
        void eachDeliveryIsSentExactlyOnceByConcurrentWorkers() throws Exception {
            int tenants = 8;
            int perTenant = deliveries() / tenants / 2;
            List<Actor> users = new ArrayList<>();
            ExecutorService writers = Executors.newFixedThreadPool(tenants);
            List<Future<?>> writing = new ArrayList<>();
            for (int t = 0; t < tenants; t++) {
                Actor user = Actor.user(company + "-w" + t, location, "alice");
                users.add(user);
                for (int c = 0; c < 20; c++) {
                    addressed(user, "c" + c);
                }
                writing.add(writers.submit(() -> {
                    for (int i = 0; i < perTenant; i++) {
                        messaging.messages().create(user, NewMessage.to("c" + (i % 20), "m" + i).sendSms(true)
                                .sendEmail(true).build());
                    }
                    return null;
                }));
            }
            for (Future<?> f : writing) {
                f.get(5, TimeUnit.MINUTES);
            }
            writers.shutdown();
            Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
            Set<Tenant> ours = new HashSet<>();
            users.forEach(u -> ours.add(u.tenant()));
            AtomicInteger ourSends = new AtomicInteger();
            Sender counting = o -> {
                if (ours.contains(o.tenant())) {
                    sends.computeIfAbsent(o.key(), k -> new AtomicInteger()).incrementAndGet();
                    ourSends.incrementAndGet();
                }
                return SendResult.sent("x-" + o.key());
            };
            List<DeliveryWorker> workers = workers(counting);
            try {
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                while (ourSends.get() < tenants * perTenant * 2 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
            } finally {
                workers.forEach(DeliveryWorker::close);
            }
            assertThat(sends).hasSize(tenants * perTenant * 2);
            assertThat(sends.values()).allSatisfy(count -> assertThat(count.get()).isEqualTo(1));
        }
    }

    /** How many deliveries the many-workers test sends (10,000). */
    protected int deliveries() {
        return 10_000;
    }

    /** The workers of the many-workers test: 8 threads on this store (a store may run several instances). */
    protected List<DeliveryWorker> workers(Sender sender) {
        return List.of(messaging.deliveries().worker().sender(DeliveryChannel.SMS, sender)
                .sender(DeliveryChannel.EMAIL, sender).threads(8).idlePoll(Duration.ofMillis(50)).start());
    }

    @Nested
    @DisplayName("Live changes")
    class LiveChanges {
        @Test
        void aLongPollReturnsSoonAfterACommitAndEmptyAtItsTimeout() throws Exception {
            long head = feedHead();
            assertThat(messaging.changes().await(alice, head, 10, Duration.ofMillis(100))).isEmpty();
            ExecutorService writer = Executors.newSingleThreadExecutor();
            try {
                long began = System.nanoTime();
                Future<?> write = writer.submit(() -> {
                    Thread.sleep(200);
                    return customerSays("c1", "wake up");
                });
                List<Change> changes = messaging.changes().await(alice, head, 10, Duration.ofSeconds(20));
                long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
                write.get(10, TimeUnit.SECONDS);
                assertThat(changes).isNotEmpty();
                assertThat(took).as("woken by the commit, not the timeout").isLessThan(5_000);
            } finally {
                writer.shutdown();
            }
        }

        @Test
        void aSubscriberSeesEveryChangeOfConcurrentWritersOnceAndInOrder() throws Exception {
            List<Change> seen = new CopyOnWriteArrayList<>();
            long start = feedHead();
            int writers = 4;
            int each = changesPerWriter();
            try (Subscription subscription = messaging.changes().subscribe(alice, start, seen::add)) {
                ExecutorService threads = Executors.newFixedThreadPool(writers);
                List<Future<?>> writing = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    Actor user = Actor.user(company, location, "writer-" + w);
                    writing.add(threads.submit(() -> {
                        for (int i = 0; i < each; i++) {
                            messaging.notificationConfig().set(user, new NotificationConfig(user.userId(), i % 2 == 0,
                                    true, true));
                        }
                        return null;
                    }));
                }
                for (Future<?> f : writing) {
                    f.get(5, TimeUnit.MINUTES);
                }
                threads.shutdown();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (seen.size() < writers * each && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(subscription.failure()).isNull();
            }
            assertThat(seen).hasSize(writers * each);
            for (int i = 0; i < seen.size(); i++) {
                assertThat(seen.get(i).sequence()).isEqualTo(start + i + 1);
            }
        }
    }

    /** Writes per writer thread in the subscription test (2,500). */
    protected int changesPerWriter() {
        return 2_500;
    }

    @Nested
    @DisplayName("Bad input")
    class BadInput {
        @Test
        void badClaimsAreRejectedNamingTheField() {
            assertThatThrownBy(() -> messaging.deliveries().claim(DeliveryChannel.SMS, 0, Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields()).containsExactly("limit"));
            assertThatThrownBy(() -> messaging.deliveries().claim(DeliveryChannel.SMS, 1_001, Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields()).containsExactly("limit"));
            assertThatThrownBy(() -> messaging.deliveries().claim(DeliveryChannel.SMS, 10, Duration.ofSeconds(-1)))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields()).containsExactly("lease"));
            assertThatThrownBy(() -> messaging.deliveries().claim(null, 10, null))
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.fields())
                            .containsExactlyInAnyOrder("channel", "lease"));
        }
    }
}
