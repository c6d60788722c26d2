package dev.messaging.outbox;

import dev.messaging.delivery.SendResult;
import dev.messaging.message.DeliveryChannel;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the worker's statistics cost a delivery: the counting a worker does for each one it hands
 * over (the send's time read twice, its counts and send time added, its claim's time set once per
 * claim of 50), from 1 and 4 threads on one worker's counters. Compare with a delivery's own time
 * ({@code DeliveryBenchmark}: about 100 µs): the worker has no switch to turn its statistics off,
 * so their cost is measured here, apart. In this package because the counters are the worker's own.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class WorkerCountersBenchmark {
    private final WorkerCounters counters = new WorkerCounters();
    private final SendResult sent = SendResult.sent("provider-id");
    private final Instant claimedAt = Instant.parse("2026-01-01T00:00:00Z");
    /** One worker thread's place in its claim of 50. */
    @State(Scope.Thread)
    public static class Claim {
        int handedOver;
    }

    @Benchmark
    @Threads(1)
    public void perDeliveryOneThread(Claim claim) {
        count(claim);
    }

    @Benchmark
    @Threads(4)
    public void perDeliveryFourThreads(Claim claim) {
        count(claim);
    }

    private void count(Claim claim) {
        long started = System.nanoTime();
        if (++claim.handedOver == 50) {
            claim.handedOver = 0;
            counters.claimed(claimedAt);
        }
        counters.sent(DeliveryChannel.SMS, sent, System.nanoTime() - started);
    }
}
