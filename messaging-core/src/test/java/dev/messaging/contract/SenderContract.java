package dev.messaging.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.common.Tenant;
import dev.messaging.conversation.ConversationUpdate;
import dev.messaging.delivery.Backlog;
import dev.messaging.delivery.Delivery;
import dev.messaging.delivery.DeliveryPurpose;
import dev.messaging.delivery.OutboxStatistics;
import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.RetryPolicy;
import dev.messaging.delivery.SendCounts;
import dev.messaging.delivery.SendResult;
import dev.messaging.delivery.Sender;
import dev.messaging.delivery.WorkerHealth;
import dev.messaging.delivery.WorkerStatistics;
import dev.messaging.generated.Cases;
import dev.messaging.generated.Gen;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.notification.NotificationConfig;
import dev.messaging.outbox.DeliveryWorker;
import dev.messaging.spi.EarlyReport;
import dev.messaging.spi.Store;
import dev.messaging.spi.StoreTransaction;
import dev.messaging.spi.WaitingDeliveries;
import dev.messaging.testing.RecordingSender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Staff notifications, and what senders answer and how the worker takes it, on every store (see
 * {@link DeliverySupport}).
 */
public abstract class SenderContract extends DeliverySupport {

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
        void aClaimThatEndsItsDeliveryOutOfAttemptsIsNoAttemptWhenALateSentEndedItFirst() {
            // the late Sent of a lapsed claim lands between the next claim and that claim's ending
            AtomicReference<Runnable> between = new AtomicReference<>();
            Store racing = new RacingStore(store, between);
            try (Messaging m = Messaging.builder(racing).clock(clock).ids(new SequentialIds())
                    .retryPolicy(new RetryPolicy(Duration.ofSeconds(30), 2, Duration.ofHours(1), 1, 0)).build()) {
                Message message = m.messages().create(alice, NewMessage.to("c1", "late").sendSms(true).build());
                tick();
                Outgoing first = claimOurs(m, DeliveryChannel.SMS).get(0);
                clock.advance(Duration.ofMinutes(6)); // its lease lapses
                between.set(() -> m.deliveries().outcome(first, SendResult.sent("p-late")));
                assertThat(claimOurs(m, DeliveryChannel.SMS)).isEmpty(); // out of attempts: ended at the claim
                Delivery d = m.deliveries().of(alice, message.id()).get(0);
                assertThat(d.status()).isEqualTo(DeliveryStatus.SENT);
                assertThat(d.attempts()).as("the second claim sent nothing").isEqualTo(1);
                assertThat(d.leaseHolder()).isNull();
            }
        }

        @Test
        void aWorkerCountsItsOutcomesAndItsHealthSaysWhenItIsStuck() throws Exception {
            CountDownLatch hang = new CountDownLatch(1);
            CountDownLatch hanging = new CountDownLatch(1);
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
                        hanging.countDown();
                        hang.await(); // a provider call that does not return (no send timeout set)
                        yield SendResult.sent("p-" + o.key());
                    }
                    case "retry" -> SendResult.retryLater("busy");
                    case "fail" -> SendResult.failed("bad number");
                    default -> SendResult.sent("p-" + o.key());
                };
            }).threads(1).batch(1).idlePoll(Duration.ofMillis(20)).lease(Duration.ofMinutes(1)).start()) {
                assertThat(worker.health().healthy()).isTrue();
                // its claim made by the clock before it moves on (a claim after it would count as recent)
                assertThat(hanging.await(20, TimeUnit.SECONDS)).isTrue();
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

    /** A store that runs a step right after a claim, before the caller sees it (a race made certain). */
    private static final class RacingStore implements Store {
        private final Store store;
        private final AtomicReference<Runnable> afterClaim;

        RacingStore(Store store, AtomicReference<Runnable> afterClaim) {
            this.store = store;
            this.afterClaim = afterClaim;
        }

        @Override
        public <T> T inTransaction(Tenant tenant, Function<StoreTransaction, T> work) {
            return store.inTransaction(tenant, work);
        }

        @Override
        public <T> T read(Tenant tenant, Function<StoreTransaction, T> work) {
            return store.read(tenant, work);
        }

        @Override
        public List<Delivery> claimDeliveries(DeliveryChannel channel, Instant now, int limit, String claimer,
                Instant leaseUntil) {
            List<Delivery> claimed = store.claimDeliveries(channel, now, limit, claimer, leaseUntil);
            Runnable step = afterClaim.getAndSet(null);
            if (step != null) {
                step.run();
            }
            return claimed;
        }

        @Override
        public List<WaitingDeliveries> waitingDeliveries(Instant now) {
            return store.waitingDeliveries(now);
        }

        @Override
        public List<Tenant> tenantsWithProviderId(String providerMessageId) {
            return store.tenantsWithProviderId(providerMessageId);
        }

        @Override
        public boolean keepEarlyReport(EarlyReport report, int max, Instant expiredBefore) {
            return store.keepEarlyReport(report, max, expiredBefore);
        }

        @Override
        public void close() {
            // the suite's store stays open
        }
    }
}
