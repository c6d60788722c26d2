package dev.messaging.outbox;

import dev.messaging.delivery.Backlog;
import dev.messaging.delivery.DeliveryPurpose;
import dev.messaging.delivery.Notifier;
import dev.messaging.delivery.OutboxStatistics;
import dev.messaging.delivery.Outcome;
import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.SendCounts;
import dev.messaging.delivery.SendResult;
import dev.messaging.delivery.Sender;
import dev.messaging.delivery.WorkerHealth;
import dev.messaging.delivery.WorkerStatistics;
import dev.messaging.error.ConflictException;
import dev.messaging.error.MessagingException;
import dev.messaging.error.NotFoundException;
import dev.messaging.error.StoreClosedException;
import dev.messaging.error.ValidationException;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.outbox.Deliveries;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A ready outbox worker, plain Java threads: each thread claims due deliveries of every channel it
 * has a sender for, hands each to its sender, and records the outcome. It sleeps while nothing is
 * due, and wakes when a write puts deliveries in the outbox — a write of this instance, or of
 * another instance where the store can tell (PostgreSQL) — or at the latest after {@code idlePoll}
 * (scheduled sends and retries falling due). {@link #close}
 * stops claiming and waits (bounded) for the sends in flight; a delivery claimed but not finished
 * then is claimed again when its lease lapses, with the same key.
 *
 * <p>Outcomes are recorded by one more thread, the recorder, as they come: each one that is
 * waiting when the recorder is free goes into its next commit (one transaction per tenant), so a
 * store's commits do not limit the senders, and a worker that dies leaves unrecorded only the
 * sends of its last moments (sent again after their lease, each with its key).
 *
 * <pre>{@code
 * DeliveryWorker worker = messaging.deliveries().worker()
 *         .sender(DeliveryChannel.SMS, sms -> SendResult.sent(provider.send(sms.to(), sms.text(), sms.key())))
 *         .threads(4)
 *         .start();
 * }</pre>
 */
public final class DeliveryWorker implements AutoCloseable {
    private final Deliveries deliveries;
    private final Outbox outbox;
    private final Map<DeliveryChannel, Sender> senders;
    /** Who takes staff notifications, or null: then none reaches a customer sender. */
    private final Notifier notifier;
    /** The channels this worker claims: those it has a sender for, and in-app with a notifier. */
    private final EnumSet<DeliveryChannel> claimed;
    private final int batch;
    private final Duration lease;
    private final Duration idlePoll;
    private final Duration closeTimeout;
    private final Consumer<Throwable> onError;
    /** The channels this worker has no sender for: their deliveries expire after {@link #expireUnsentAfter}. */
    private final List<DeliveryChannel> unserved;
    /** The unserved channel the next sweep looks at (one a sweep, in turn). */
    private final AtomicInteger nextUnserved = new AtomicInteger();
    private final Duration expireUnsentAfter;
    /** How long a send may take, or null (no limit: the send runs on the claiming thread). */
    private final Duration sendTimeout;
    /** The threads sends run on when they have a time limit (one per send in flight; daemons). */
    private final ExecutorService sending;
    /** When (nanoTime) the next sweep of the unserved channels may run: one thread does it, now and then. */
    private final AtomicLong nextSweep = new AtomicLong(System.nanoTime());
    private final List<Thread> threads = new ArrayList<>();
    private final BlockingQueue<Outcome> unrecorded;
    private final Thread recorder;
    /** Put after the senders' last outcome: the recorder records what came before it and stops. */
    private static final Outcome STOP = new Outcome(null, null);
    private static final long SWEEP_FLOOR_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private final WorkerCounters counters = new WorkerCounters();
    /** The channels whose expiry without a sender was reported (once each). */
    private final Set<DeliveryChannel> reportedUnserved = ConcurrentHashMap.newKeySet();
    /** When it started, by the messaging's clock: a worker that never claimed is idle since then. */
    private final Instant startedAt;
    private final AtomicReference<Throwable> lastError = new AtomicReference<>();
    private volatile boolean running = true;

    private DeliveryWorker(Builder b) {
        this.deliveries = b.deliveries;
        this.outbox = b.outbox;
        this.senders = new EnumMap<>(b.senders);
        this.notifier = b.notifier;
        this.claimed = EnumSet.noneOf(DeliveryChannel.class);
        claimed.addAll(b.senders.keySet());
        if (notifier != null) {
            claimed.add(DeliveryChannel.IN_APP);
        }
        this.batch = b.batch;
        this.lease = b.lease;
        this.idlePoll = b.idlePoll;
        this.closeTimeout = b.closeTimeout;
        this.onError = b.onError;
        this.expireUnsentAfter = b.expireUnsentAfter;
        this.sendTimeout = b.sendTimeout;
        this.startedAt = deliveries.now();
        this.sending = sendTimeout == null ? null : Executors.newCachedThreadPool(body -> {
            Thread thread = new Thread(body, "messaging-delivery-send");
            thread.setDaemon(true);
            return thread;
        });
        this.unserved = List.copyOf(EnumSet.complementOf(claimed));
        // bounded: senders wait for the recorder rather than run ahead of their leases
        this.unrecorded = new ArrayBlockingQueue<>(2 * b.threads * b.batch);
        outbox.engine().listen(); // other instances' deliveries wake it too, where the store can tell
        for (int i = 0; i < b.threads; i++) {
            threads.add(daemon(this::run, "messaging-delivery-" + i));
        }
        this.recorder = daemon(this::recordAll, "messaging-delivery-recorder");
        threads.forEach(Thread::start);
        recorder.start();
        // closing the messaging first closes this worker, while its last outcomes can still be recorded
        outbox.engine().closeFirst(this);
    }

    private static Thread daemon(Runnable body, String name) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        return thread;
    }

    private void run() {
        while (running) {
            try {
                long seen = outbox.due().value();
                int handled = 0;
                for (DeliveryChannel channel : claimed) {
                    if (!running) {
                        break;
                    }
                    // the lease ends no earlier than this; the last tenth of it is left unused, so that a
                    // send is never handed over as its lease lapses and another claim takes it too
                    Instant sendBy = deliveries.now().plus(lease.minus(lease.dividedBy(10)));
                    List<Outgoing> batchClaimed = deliveries.claim(channel, batch, lease);
                    counters.claimed(deliveries.now());
                    int handedOver = 0;
                    while (handedOver < batchClaimed.size() && running && !deliveries.now().isAfter(sendBy)) {
                        Outgoing outgoing = batchClaimed.get(handedOver++);
                        unrecorded.put(new Outcome(outgoing, deliver(outgoing)));
                    }
                    if (handedOver < batchClaimed.size()) {
                        // out of lease, or closing: the rest goes back, due now, its claim not an attempt
                        deliveries.release(batchClaimed.subList(handedOver, batchClaimed.size()));
                        counters.released(channel, batchClaimed.size() - handedOver);
                    }
                    handled += batchClaimed.size();
                }
                if (handled == 0 && running) {
                    sweepUnserved();
                    outbox.due().awaitPast(seen, idlePoll.toMillis());
                }
            } catch (StoreClosedException e) {
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                // the outbox failed (a sender's own failures never get here): report, wait, go on
                failed(e);
                sleep();
            }
        }
    }

    /**
     * Fails the deliveries of the channels this worker has no sender for that have waited longer
     * than {@code expireUnsentAfter} (no worker of the service took them: a channel nobody sends
     * on would pile up Pending for ever). At most every five idle polls (at least 100 ms), by one
     * thread, one unserved channel a sweep in turn, so that an idle worker adds one claim now and
     * then, not one per poll or per channel (a channel's expiry waits at most a sweep per channel).
     */
    private void sweepUnserved() throws InterruptedException {
        long now = System.nanoTime();
        long due = nextSweep.get();
        if (unserved.isEmpty() || now - due < 0
                || !nextSweep.compareAndSet(due, now + Math.max(5 * idlePoll.toNanos(), SWEEP_FLOOR_NANOS))) {
            return;
        }
        DeliveryChannel channel = unserved.get(Math.floorMod(nextUnserved.getAndIncrement(), unserved.size()));
        String reason = "no sender took this " + channel + " delivery within " + expireUnsentAfter
                + " (no worker has a sender for " + channel + ")";
        List<Outgoing> overdue = deliveries.claimOverdue(channel, batch, lease, expireUnsentAfter);
        if (!overdue.isEmpty()) {
            // counted and said before they are recorded: whoever sees one failed sees why
            counters.expired(channel, overdue.size());
            if (reportedUnserved.add(channel)) {
                // said once per channel: onError and lastError(), and the expired count
                failed(new IllegalStateException(reason + ": expired as failed"));
            }
        }
        for (Outgoing expired : overdue) {
            unrecorded.put(new Outcome(expired, SendResult.failed(reason)));
        }
    }

    /** The recorder: records what is waiting, many per commit, until it takes {@link #STOP}. */
    private void recordAll() {
        List<Outcome> batch = new ArrayList<>();
        boolean stopped = false;
        while (!stopped) {
            try {
                batch.add(unrecorded.take());
                unrecorded.drainTo(batch, Deliveries.MAX_CLAIM - 1);
                stopped = batch.remove(STOP);
                if (!batch.isEmpty()) {
                    record(batch);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                failed(e); // the recorder goes on: outcomes not recorded are sent again after their lease
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Records outcomes in one transaction per tenant; if that fails (a delivery vanished with its
     * erased tenant, the store failed), one by one, so that the others are kept. An outcome that
     * cannot be recorded is sent again after its lease.
     */
    private void record(List<Outcome> outcomes) {
        try {
            deliveries.outcomes(outcomes);
        } catch (Throwable e) {
            for (Outcome o : outcomes) {
                try {
                    deliveries.outcome(o.claimed(), o.result());
                } catch (NotFoundException gone) {
                    // nothing left to record
                } catch (ValidationException | ConflictException refused) {
                    failed(refused);
                    recordRefused(o, refused);
                } catch (Throwable failed) {
                    failed(failed); // the store failed: the delivery is claimed again after its lease
                }
            }
        }
    }

    /**
     * Records as failed a delivery whose answer the outbox refused (a provider id that is another
     * delivery's): sending it again would only be refused again, at every lease, for ever.
     */
    private void recordRefused(Outcome o, MessagingException refused) {
        try {
            deliveries.outcome(o.claimed(), SendResult.failed(Answers.reason("the outbox refused the sender's answer ("
                    + o.result().kind() + "): " + refused.getMessage())));
        } catch (Throwable e) {
            failed(e);
        }
    }

    /**
     * Hands {@code outgoing} to whom it is for: a staff notification to the notifier (in-app ones to
     * the in-app sender when there is no notifier), never to a customer sender; a customer's send
     * to its channel's sender.
     */
    private SendResult deliver(Outgoing outgoing) {
        if (outgoing.purpose() == DeliveryPurpose.NOTIFICATION && notifier == null
                && outgoing.channel() != DeliveryChannel.IN_APP) {
            return SendResult.failed("not sent: no notifier takes staff notifications"
                    + " (DeliveryWorker.Builder.notifier), and customer senders never get them");
        }
        Sender sender = outgoing.purpose() == DeliveryPurpose.NOTIFICATION && notifier != null ? notifier::notify
                : senders.get(outgoing.channel());
        long started = System.nanoTime();
        SendResult result = send(sender, outgoing);
        counters.sent(outgoing.channel(), result, System.nanoTime() - started);
        return result;
    }

    /**
     * What {@code sender} said of {@code outgoing}, in a form the outbox records ({@link Answers}):
     * whatever it returns or throws — an {@code Error} of its SDK included — the delivery gets an
     * outcome that counts as an attempt, and this thread goes on.
     */
    private SendResult send(Sender sender, Outgoing outgoing) {
        try {
            return Answers.safe(sendTimeout == null ? sender.send(outgoing) : withinTimeout(sender, outgoing),
                    outgoing);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SendResult.retryLater("interrupted");
        } catch (Throwable e) {
            failed(e);
            return Answers.thrown(e);
        }
    }

    /**
     * {@code sender}'s answer within the send timeout; past it, the send is interrupted and counts
     * as a retry (its batch-mates go on; the provider's key keeps a late success from going twice).
     */
    private SendResult withinTimeout(Sender sender, Outgoing outgoing) throws Throwable {
        Future<SendResult> answer = sending.submit(() -> sender.send(outgoing));
        try {
            return answer.get(sendTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            counters.timedOut(outgoing.channel());
            failed(new TimeoutException("the send of delivery " + outgoing.key() + " took longer than " + sendTimeout));
            return SendResult.retryLater("no answer within " + sendTimeout + ": the send was interrupted");
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    private void failed(Throwable e) {
        lastError.set(e);
        if (onError != null) {
            try {
                onError.accept(e);
            } catch (Throwable ignored) {
                // a handler that fails must not end the thread that reports to it
            }
        }
    }

    private void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(Math.min(1_000, idlePoll.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** What this worker did since it started, per channel (see {@link WorkerStatistics}); costs nothing of the worker's. */
    public WorkerStatistics statistics() {
        return counters.snapshot();
    }

    /**
     * Whether this worker does its job (see {@link WorkerHealth}): its threads alive, and no
     * channel it serves with deliveries due for longer than its lease and ten idle polls while it
     * claimed nothing for as long. Reads the outbox's statistics (one query).
     */
    public WorkerHealth health() {
        List<String> problems = new ArrayList<>();
        int alive = (int) threads.stream().filter(Thread::isAlive).count();
        if (!running) {
            problems.add("closed");
        } else {
            if (alive < threads.size()) {
                problems.add((threads.size() - alive) + " of " + threads.size() + " claiming threads ended");
            }
            if (!recorder.isAlive()) {
                problems.add("the recorder thread ended: outcomes are not recorded");
            }
            Duration stuckAfter = lease.plus(idlePoll.multipliedBy(10));
            OutboxStatistics outbox = deliveries.statistics();
            Instant last = counters.lastClaim() != null ? counters.lastClaim() : startedAt;
            boolean idle = Duration.between(last, outbox.at()).compareTo(stuckAfter) > 0;
            for (DeliveryChannel channel : claimed) {
                Backlog backlog = outbox.of(channel);
                if (idle && backlog.due() > 0 && backlog.lag().compareTo(stuckAfter) > 0) {
                    problems.add(backlog.due() + " " + channel + " deliveries due for " + backlog.lag()
                            + " while this worker claimed nothing since " + last);
                }
            }
        }
        return new WorkerHealth(problems.isEmpty(), threads.size(), alive, counters.lastClaim(), lastError.get(),
                problems);
    }

    /** How many deliveries this worker's senders reported sent. */
    public long sent() {
        return counters.snapshot().byChannel().values().stream().mapToLong(SendCounts::sent).sum();
    }

    /** The last error a sender threw or the outbox gave, if any (also handed to {@code onError}). */
    public Throwable lastError() {
        return lastError.get();
    }

    /**
     * Stops claiming, wakes the idle threads, and waits up to the close timeout for the sends in
     * flight and the recording of their outcomes.
     */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        outbox.due().advance();
        long deadline = System.nanoTime() + closeTimeout.toNanos();
        try {
            for (Thread thread : threads) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
            unrecorded.put(STOP);
            recorder.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (sending != null) {
                sending.shutdownNow();
            }
            outbox.engine().forget(this);
        }
    }

    /** Configures a {@link DeliveryWorker}. */
    public static final class Builder {
        private final Deliveries deliveries;
        private final Outbox outbox;
        private final Map<DeliveryChannel, Sender> senders = new EnumMap<>(DeliveryChannel.class);
        private int threads = 1;
        private int batch = 50;
        private Duration lease = Duration.ofMinutes(1);
        private Duration idlePoll = Duration.ofSeconds(1);
        private Duration closeTimeout = Duration.ofSeconds(30);
        private Consumer<Throwable> onError;
        private Duration expireUnsentAfter = Duration.ofDays(1);
        private Notifier notifier;
        private Duration sendTimeout;

        Builder(Deliveries deliveries, Outbox outbox) {
            this.deliveries = deliveries;
            this.outbox = outbox;
        }

        /** The sender of a channel; a channel without one is left to other workers. */
        public Builder sender(DeliveryChannel channel, Sender sender) {
            senders.put(Objects.requireNonNull(channel, "channel"), Objects.requireNonNull(sender, "sender"));
            return this;
        }

        /**
         * Who tells staff users of their notifications, on every channel this worker claims (and
         * in-app). Without one, staff notifications on SMS and email end as Error when claimed
         * (never handed to a customer sender), and in-app ones go to the in-app sender if any.
         */
        public Builder notifier(Notifier value) {
            this.notifier = Objects.requireNonNull(value, "notifier");
            return this;
        }

        /**
         * How long one send may take (default: no limit). Past it, the send's thread is interrupted,
         * the delivery counts as a retry with the reason "no answer within ...", {@code onError}
         * is told, and the rest of the batch goes on. With a limit, each send runs on a thread of
         * its own (a hand-over per send), so that a hung provider call cannot hold up the others.
         */
        public Builder sendTimeout(Duration value) {
            if (value == null || value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("sendTimeout must be positive");
            }
            this.sendTimeout = value;
            return this;
        }

        /** How many threads claim and send (default 1). */
        public Builder threads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = value;
            return this;
        }

        /** How many deliveries a thread claims at once (1..1,000, default 50). */
        public Builder batch(int value) {
            if (value < 1 || value > Deliveries.MAX_CLAIM) {
                throw new IllegalArgumentException("batch must be between 1 and " + Deliveries.MAX_CLAIM);
            }
            this.batch = value;
            return this;
        }

        /** How long a claim holds its deliveries (default 1 min): longer than a batch takes to send. */
        public Builder lease(Duration value) {
            Objects.requireNonNull(value, "lease");
            if (value.isNegative() || value.isZero() || value.compareTo(Deliveries.MAX_LEASE) > 0) {
                throw new IllegalArgumentException("lease must be positive and at most " + Deliveries.MAX_LEASE);
            }
            this.lease = value;
            return this;
        }

        /** The longest a thread sleeps while nothing is due (default 1 s). */
        public Builder idlePoll(Duration value) {
            Objects.requireNonNull(value, "idlePoll");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("idlePoll must be positive");
            }
            this.idlePoll = value;
            return this;
        }

        /** How long {@code close()} waits for the sends in flight (default 30 s). */
        public Builder closeTimeout(Duration value) {
            this.closeTimeout = Objects.requireNonNull(value, "closeTimeout");
            return this;
        }

        /**
         * How long a delivery of a channel this worker has no sender for may wait for one (default a
         * day): then this worker fails it, saying so. Another worker (or instance) that has the
         * sender takes it long before, unless it is down.
         */
        public Builder expireUnsentAfter(Duration value) {
            Objects.requireNonNull(value, "expireUnsentAfter");
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException("expireUnsentAfter must be positive");
            }
            this.expireUnsentAfter = value;
            return this;
        }

        /** Told of every error a sender throws or the outbox gives (the worker goes on). */
        public Builder onError(Consumer<Throwable> value) {
            this.onError = value;
            return this;
        }

        /** Starts the worker's threads. */
        public DeliveryWorker start() {
            if (senders.isEmpty() && notifier == null) {
                throw new IllegalStateException("a worker needs a sender or a notifier");
            }
            return new DeliveryWorker(this);
        }
    }
}
