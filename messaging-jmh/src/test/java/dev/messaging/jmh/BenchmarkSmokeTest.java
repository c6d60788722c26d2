package dev.messaging.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Benchmarks are not tests: the build only compiles them. This runs one tiny iteration of the
 * inbox benchmark and of the write pair (in-memory, 1,000 messages), so a broken benchmark is
 * known before anyone waits ten minutes for it.
 */
class BenchmarkSmokeTest {

    @Test
    void aTinyIterationRunsAndReportsAScore() throws Exception {
        Options options = new OptionsBuilder()
                .include(InboxBenchmark.class.getSimpleName() + ".inboxFirstPage")
                .include(WriteBenchmark.class.getSimpleName() + ".createAndMarkRead")
                .param("messages", "1000")
                .param("users", "2")
                .param("store", "MEMORY")
                .param("notifications", "OFF")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200))
                .shouldFailOnError(true)
                .build();
        Collection<RunResult> results = new Runner(options).run();
        assertThat(results).hasSize(2);
        assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    }
}
