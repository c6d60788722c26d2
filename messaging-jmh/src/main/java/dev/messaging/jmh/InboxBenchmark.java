package dev.messaging.jmh;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.common.Page;
import dev.messaging.conversation.ConversationHit;
import dev.messaging.conversation.ConversationQuery;
import dev.messaging.inbox.InboxEntry;
import dev.messaging.inbox.InboxQuery;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The library's read paths on {@code messages} messages and {@code users} users: the inbox first
 * page (50), a page after a cursor deep in the list, the unread-only inbox, an inbox text search
 * (a customer's last name) and a conversation search (an email prefix matching about a hundred
 * conversations). Data is built in the trial setup, never in the measured method. Six warm-up
 * seconds: after a million-message build the first few seconds run well above the steady state.
 *
 * <p>The fork's heap is fixed and touched at start ({@code -Xms4g -Xmx4g -XX:+AlwaysPreTouch}, here
 * and in the other page and write benchmarks): otherwise the heap grows right after the data build,
 * and every page's garbage lands on memory the process touches for the first time, so each page
 * pays the kernel's page faults — measured here at about ten times the page's own cost on the 1M
 * in-memory store (a service that has run a while has touched its heap).
 *
 * <p>{@code store=SQLITE_GROWN}: a SQLite file grown through the API rather than imported, with the
 * statistics the store keeps itself; the page should cost the same at 20,000 and 200,000 messages
 * ({@code -p store=SQLITE_GROWN -p messages=20000,200000}).
 *
 * <p>Run: {@code java -jar messaging-jmh/target/benchmarks.jar InboxBenchmark -p store=SQLITE}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 6, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class InboxBenchmark {
    @Param({"10000", "1000000"})
    public int messages;

    @Param({"200"})
    public int users;

    @Param({"MEMORY", "SQLITE"})
    public StoreKind store;

    private Messaging messaging;
    private Actor user;
    private String deepCursor;
    private String lastName;
    private String emailPrefix;

    @Setup(Level.Trial)
    public void setUp() {
        DataSet data = new DataSet(messages, users);
        messaging = Messaging.builder(store.open(data, false)).build();
        user = DataSet.user(1);
        deepCursor = deepCursor(messaging, user, data);
        lastName = "Last" + (data.customers / 2);
        emailPrefix = "cust" + (data.customers / 100 > 0 ? String.valueOf(data.customers / 100) : "4");
        settleHeap();
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        messaging.close();
    }

    /** The cursor of the page that starts about three quarters down {@code user}'s inbox. */
    static String deepCursor(Messaging messaging, Actor user, DataSet data) {
        Page<InboxEntry> page = messaging.inbox().list(user, InboxQuery.all().limit(100));
        int pages = Math.max(1, data.customers * 3 / 4 / 100);
        for (int i = 1; i < pages && page.hasMore(); i++) {
            page = messaging.inbox().list(user, InboxQuery.all().limit(100).after(page.nextCursor()));
        }
        return messaging.inbox().list(user, InboxQuery.all().limit(50).after(page.nextCursor())).nextCursor();
    }

    @Benchmark
    public Page<InboxEntry> inboxFirstPage() {
        return messaging.inbox().list(user, InboxQuery.all());
    }

    @Benchmark
    public Page<InboxEntry> inboxDeepPage() {
        return messaging.inbox().list(user, InboxQuery.all().after(deepCursor));
    }

    @Benchmark
    public Page<InboxEntry> inboxUnreadOnly() {
        return messaging.inbox().list(user, InboxQuery.all().unreadOnly());
    }

    @Benchmark
    public Page<InboxEntry> inboxTextSearch() {
        return messaging.inbox().list(user, InboxQuery.all().query(lastName));
    }

    @Benchmark
    public Page<ConversationHit> conversationSearch() {
        return messaging.conversations().search(user, ConversationQuery.all().query(emailPrefix));
    }

    /**
     * Building a million messages leaves the collector with work (concurrent marking, mixed
     * collections) that would run on the second core during the first measured iterations; a full
     * collection here settles it before measuring.
     */
    static void settleHeap() {
        System.gc();
        System.gc();
    }
}
