package dev.messaging.jmh;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.conversation.NewConversation;
import dev.messaging.history.ImportResult;
import dev.messaging.history.ImportedConversation;
import dev.messaging.history.ImportedMessage;
import dev.messaging.jdbi.JdbiStore;
import dev.messaging.memory.InMemoryStore;
import dev.messaging.message.NewMessage;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * History import against one {@code create} per message, in messages per second: each invocation
 * writes {@value #BATCH} messages over ten new customers, either as one
 * {@code imports().history(...)} call or as {@value #BATCH} {@code messages().create(...)} calls of
 * the same customers. Each trial starts on an empty store.
 *
 * <p>Run: {@code java -jar messaging-jmh/target/benchmarks.jar ImportBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class ImportBenchmark {
    static final int BATCH = 1_000;
    private static final int CUSTOMERS = 10;

    @Param({"MEMORY", "SQLITE"})
    public StoreKind store;

    private Messaging messaging;
    private Actor system;
    private int round;
    private final Instant past = Instant.parse("2024-01-01T00:00:00Z");

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        messaging = Messaging.builder(store == StoreKind.SQLITE
                ? JdbiStore.sqlite(Files.createTempDirectory(Files.createDirectories(StoreKind.dataDir()), "import")
                        .resolve("import.db"))
                : new InMemoryStore()).build();
        system = Actor.system(DataSet.COMPANY, DataSet.LOCATION);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        messaging.close();
    }

    private String customer(int c) {
        return "r" + round + "-c" + c;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public ImportResult importHistory() {
        round++;
        List<ImportedConversation> history = new ArrayList<>(CUSTOMERS);
        for (int c = 0; c < CUSTOMERS; c++) {
            List<ImportedMessage> messages = new ArrayList<>(BATCH / CUSTOMERS);
            for (int i = 0; i < BATCH / CUSTOMERS; i++) {
                messages.add(ImportedMessage.fromCustomer(past.plusSeconds(i),
                        NewMessage.to(customer(c), "imported message " + i).build()));
            }
            history.add(ImportedConversation.of(NewConversation.forCustomer(customer(c)), messages));
        }
        return messaging.imports().history(system, history);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int createOneByOne() {
        round++;
        int written = 0;
        for (int i = 0; i < BATCH; i++) {
            String customer = customer(i % CUSTOMERS);
            messaging.messages().create(Actor.customer(DataSet.COMPANY, DataSet.LOCATION, customer),
                    NewMessage.to(customer, "created message " + i).build());
            written++;
        }
        return written;
    }

}
