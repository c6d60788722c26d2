package dev.messaging.jmh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.Main;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The main job: {@code java -jar benchmarks.jar} with no argument runs the headline benchmarks on
 * the embedded default (SQLite): about sixteen minutes on two cores from a fresh clone, the 1M-message
 * file's build included (about 80 s, then cached under {@code target/bench-data}):
 * the inbox pages and the write pair beside their raw-JDBC floors at 10,000 and 1,000,000
 * messages, the naive inbox query, the outbox's delivery throughput and what the worker's
 * statistics cost a delivery, emails sent to a local SMTP server per second, and the PostgreSQL store
 * at 0 and 1 ms round trip ({@link NetworkDistanceBenchmark}, about four minutes); then what 10,000 idle
 * subscriptions cost on each store ({@link SubscriptionFootprint}, about five minutes, written to
 * {@code target/subscriptions.json}). It writes every JMH result to {@code target/jmh-result.json} (the input of {@code scripts/bench_report.py}) and ends with a
 * summary table: medians, and each page and write pair against its floor of the same run.
 *
 * <p>With arguments it is JMH's own command line ({@code java -jar benchmarks.jar -h}): the full
 * suite is {@code java -jar benchmarks.jar .} (about half an hour and more).
 */
public final class MainJob {
    static final Path RESULT = Path.of("target", "jmh-result.json");
    private static final String SIZES_10K_1M = "10000,1000000";

    private MainJob() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            Main.main(args);
            return;
        }
        Files.createDirectories(RESULT.getParent());
        List<RunResult> results = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        int part = 0;
        for (ChainedOptionsBuilder group : groups()) {
            Path file = RESULT.resolveSibling("jmh-main-" + part++ + ".json");
            results.addAll(run(group.result(file.toString()).resultFormat(ResultFormatType.JSON)));
            parts.add(Files.readString(file).strip());
            Files.delete(file);
        }
        Files.writeString(RESULT, merged(parts));
        System.out.println();
        System.out.println(summary(results));
        System.out.println(SubscriptionFootprint.run(60, List.of("MEMORY", "SQLITE", "POSTGRES")));
        System.out.println("results: " + RESULT.toAbsolutePath());
    }

    /**
     * The runs of the main job: reads, writes, delivery, its statistics, email and PostgreSQL at
     * network distance, each with its floors and sizes.
     */
    static List<ChainedOptionsBuilder> groups() {
        ChainedOptionsBuilder pages = new OptionsBuilder()
                .include("InboxBenchmark\\.(inboxFirstPage|inboxDeepPage|inboxUnreadOnly)$")
                .include("SqlBaselineBenchmark\\.(floorInboxKeys|naiveInboxPage)$")
                .param("store", "SQLITE").param("messages", SIZES_10K_1M.split(",")).param("users", "200")
                .mode(Mode.SampleTime).timeUnit(TimeUnit.MICROSECONDS)
                .warmupIterations(4).warmupTime(TimeValue.seconds(1))
                .measurementIterations(3).measurementTime(TimeValue.seconds(1));
        ChainedOptionsBuilder writes = new OptionsBuilder()
                .include("WriteBenchmark\\.createAndMarkRead$").include("SqlBaselineBenchmark\\.floorWritePair$")
                .param("store", "SQLITE").param("messages", SIZES_10K_1M.split(",")).param("users", "200")
                .param("notifications", "OFF")
                .mode(Mode.SampleTime).timeUnit(TimeUnit.MICROSECONDS);
        ChainedOptionsBuilder delivery = new OptionsBuilder().include("DeliveryBenchmark")
                .param("store", "SQLITE").param("workers", "1").measurementIterations(5);
        ChainedOptionsBuilder mail = new OptionsBuilder().include("MailBenchmark");
        ChainedOptionsBuilder statistics = new OptionsBuilder().include("WorkerCountersBenchmark");
        ChainedOptionsBuilder distance = new OptionsBuilder().include("NetworkDistanceBenchmark");
        return List.of(pages, writes, delivery, statistics, mail, distance);
    }

    private static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
        return new Runner(options.build()).run();
    }

    /** The JSON arrays of the parts as one array. */
    static String merged(List<String> parts) {
        StringBuilder all = new StringBuilder("[");
        for (String part : parts) {
            String inner = part.substring(part.indexOf('[') + 1, part.lastIndexOf(']')).strip();
            if (!inner.isEmpty()) {
                all.append(all.length() > 1 ? ",\n" : "\n").append(inner);
            }
        }
        return all.append("\n]\n").toString();
    }

    /** The summary: each result's median (or mean), and the pages and write pairs against their floors. */
    static String summary(List<RunResult> results) {
        Map<String, double[]> scores = new TreeMap<>();
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-40s %10s %12s  %s%n", "benchmark",
                "messages", "score", "unit"));
        results.sort(Comparator.comparing((RunResult r) -> r.getParams().getBenchmark())
                .thenComparing(r -> r.getParams().getParam("messages") == null ? "" : r.getParams().getParam("messages")));
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark().replaceFirst(".*\\.jmh\\.", "");
            String messages = r.getParams().getParam("messages");
            double score = median(r);
            out.append(String.format(Locale.ROOT, "%-40s %10s %,12.1f  %s%n", name, messages == null ? "-" : messages,
                    score, r.getPrimaryResult().getScoreUnit()));
            scores.put(name.replaceFirst(".*\\.", "") + "@" + messages, new double[] {score});
        }
        out.append(String.format(Locale.ROOT, "%nagainst the floors of this run (1.00 = the floor's time)%n"));
        for (String messages : SIZES_10K_1M.split(",")) {
            for (String page : List.of("inboxFirstPage", "inboxDeepPage", "inboxUnreadOnly")) {
                ratio(out, scores, page, "floorInboxKeys", messages);
            }
            ratio(out, scores, "createAndMarkRead", "floorWritePair", messages);
        }
        return out.toString();
    }

    private static void ratio(StringBuilder out, Map<String, double[]> scores, String library, String floor,
            String messages) {
        double[] a = scores.get(library + "@" + messages);
        double[] b = scores.get(floor + "@" + messages);
        if (a != null && b != null) {
            out.append(String.format(Locale.ROOT, "  %-20s / %-16s %,10d messages: %.2fx%n", library, floor,
                    Integer.parseInt(messages), a[0] / b[0]));
        }
    }

    /** The median of a sampled result, else its mean. */
    private static double median(RunResult r) {
        var statistics = r.getPrimaryResult().getStatistics();
        return r.getParams().getMode() == Mode.SampleTime
                ? statistics.getPercentile(50) : statistics.getMean();
    }
}
