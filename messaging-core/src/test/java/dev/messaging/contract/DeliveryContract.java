package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.messaging.Messaging;
import dev.messaging.change.Change;
import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Actor;
import dev.messaging.delivery.Delivery;
import dev.messaging.delivery.DeliveryPurpose;
import dev.messaging.delivery.Outcome;
import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.SendResult;
import dev.messaging.error.ConflictException;
import dev.messaging.error.ForbiddenException;
import dev.messaging.error.NotFoundException;
import dev.messaging.error.ValidationException;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.DeliveryUpdate;
import dev.messaging.message.Message;
import dev.messaging.message.MessageOrigin;
import dev.messaging.message.NewMessage;
import dev.messaging.message.SendStep;
import dev.messaging.provider.ProviderStatuses;
import java.time.Duration;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The outbox, on every store: deliveries written with their message, claims under a lease,
 * outcomes and retries, provider callbacks; and bad claims refused. Claims serve every tenant of a
 * store, so these tests look only at their own tenant's deliveries (see {@link DeliverySupport}).
 */
public abstract class DeliveryContract extends DeliverySupport {

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
        void aBatchThatGivesTwoDeliveriesOneProviderIdIsAConflictAndRecordsNoneOfIt() {
            Message one = sms("c1", "the first of a batch");
            Message two = sms("c2", "the second of a batch");
            List<Outgoing> batch = claimOurs(DeliveryChannel.SMS).stream()
                    .filter(o -> o.message().id().equals(one.id()) || o.message().id().equals(two.id())).toList();
            assertThat(batch).hasSize(2);
            String provider = "SM-twice-" + company;
            ConflictException e = catchThrowableOfType(ConflictException.class, () -> messaging.deliveries()
                    .outcomes(batch.stream().map(o -> new Outcome(o, SendResult.sent(provider))).toList()));
            assertThat(e).isNotNull();
            assertThat(e.reason()).isEqualTo(ConflictException.Reason.ID_TAKEN);
            assertThat(e.getMessage()).contains(provider);
            assertThat(List.of(find(one.id()), find(two.id()))).allSatisfy(m -> {
                assertThat(m.sms().status()).isEqualTo(DeliveryStatus.PENDING);
                assertThat(m.sms().history()).extracting(SendStep::status).doesNotContain(DeliveryStatus.SENT);
            });
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
