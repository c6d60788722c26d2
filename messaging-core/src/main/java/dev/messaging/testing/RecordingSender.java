package dev.messaging.testing;

import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.SendResult;
import dev.messaging.delivery.Sender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A {@link Sender} for a service's tests: it records every delivery handed to it, in order, and
 * answers as told — sent with a provider id made from the delivery's key unless
 * {@link #answer answered otherwise}. {@link #await} waits for a number of sends, so that a test
 * of a running worker needs no sleep. Thread-safe.
 *
 * <pre>{@code
 * RecordingSender sms = new RecordingSender();
 * try (DeliveryWorker worker = messaging.deliveries().worker().sender(DeliveryChannel.SMS, sms).start()) {
 *     messaging.messages().create(user, NewMessage.to("c1", "Your car is ready").sendSms(true).build());
 *     assertEquals("Your car is ready", sms.await(1, Duration.ofSeconds(5)).get(0).message().text());
 * }
 * }</pre>
 */
public final class RecordingSender implements Sender {
    private final List<Outgoing> sent = new ArrayList<>();
    private Function<Outgoing, SendResult> answer = outgoing -> SendResult.sent("recorded-" + outgoing.key());

    /** A sender that answers every send as sent, with {@code recorded-} and the delivery's key as the provider id. */
    public RecordingSender() {
    }

    /** Answers every later send with what {@code answer} returns for it (it may throw, as a provider's client would). */
    public synchronized RecordingSender answer(Function<Outgoing, SendResult> value) {
        this.answer = Objects.requireNonNull(value, "answer");
        return this;
    }

    /** Answers every later send with {@code result}. */
    public RecordingSender answer(SendResult result) {
        Objects.requireNonNull(result, "result");
        return answer(outgoing -> result);
    }

    /** Records {@code outgoing} and answers it as told. */
    @Override
    public SendResult send(Outgoing outgoing) {
        Function<Outgoing, SendResult> current;
        synchronized (this) {
            sent.add(outgoing);
            current = answer;
            notifyAll();
        }
        return current.apply(outgoing);
    }

    /** Every delivery handed over so far, in order. */
    public synchronized List<Outgoing> sent() {
        return List.copyOf(sent);
    }

    /** Forgets what was recorded. */
    public synchronized void clear() {
        sent.clear();
    }

    /**
     * Waits until at least {@code count} deliveries were handed over, or {@code timeout} passed;
     * returns what was recorded then (fewer than {@code count} when it timed out).
     */
    public synchronized List<Outgoing> await(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (sent.size() < count) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        return List.copyOf(sent);
    }
}
