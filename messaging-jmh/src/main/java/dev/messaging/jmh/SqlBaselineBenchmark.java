package dev.messaging.jmh;

import dev.messaging.IdGenerator;
import dev.messaging.jdbi.JdbiStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;
import org.sqlite.SQLiteConfig;

/**
 * What the library is measured against, on the same SQLite file as {@link InboxBenchmark}:
 * <ul>
 * <li>{@code floorInboxKeys}: the least any design must read to find the inbox page — its keys and
 *     versions (conversation id and version, the user's thread version, the last message's id and
 *     version) by one hand-written query through raw JDBC on the library's schema and indexes;</li>
 * <li>{@code floorInboxPage}: the same page with every column of the conversation, the thread and
 *     the last message (what the library reads), through raw JDBC: the driver's per-column cost;</li>
 * <li>{@code floorWritePair}: a customer message and the user's markRead with the least
 *     statements the same effect needs, through raw JDBC on its own copy of the file (see
 *     {@link WriteFloor});</li>
 * <li>{@code naiveInboxPage}: the inbox as one would write it without the library: the latest
 *     message per customer by GROUP BY/max() over the message table, unread counted with COUNT(*)
 *     per thread since the user's last read time — with the same indexes. It is slow at 1M
 *     messages, so it runs few iterations.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-XX:+AlwaysPreTouch"})
public class SqlBaselineBenchmark {
    /** The naive query (printed in the README). */
    public static final String NAIVE_INBOX = """
            SELECT m.conversation, m.id, m.text, m.created_date, m.author_type,
                   (SELECT count(*) FROM message u
                     WHERE u.conversation = m.conversation AND u.author_type = 'Customer' AND NOT u.deleted
                       AND u.created_date > coalesce((SELECT t.updated_date FROM thread t
                                                      WHERE t.conversation = m.conversation AND t.user_id = ?), 0)
                   ) AS unread
            FROM message m
            JOIN (SELECT conversation, max(created_date) AS last_date FROM message
                  WHERE tenant = (SELECT id FROM tenant WHERE company_id = ? AND location_id = ?) AND NOT deleted
                  GROUP BY conversation) latest
              ON latest.conversation = m.conversation AND latest.last_date = m.created_date
            WHERE NOT m.deleted
            ORDER BY m.created_date DESC, m.conversation DESC
            LIMIT 50""";

    /**
     * The floor query: the library's inbox page (default view) by hand, reading the same rows and
     * columns the library reads — every column of the conversation, the user's thread and the last
     * message — so that the library's time over it is what the library adds.
     */
    public static final String FLOOR_INBOX = """
            SELECT c.*, t.*, m.*
            FROM conversation c
            LEFT JOIN thread t ON t.conversation = c.rid AND t.user_id = ?
            JOIN message m ON m.id = c.last_message_id
            WHERE c.tenant = (SELECT id FROM tenant WHERE company_id = ? AND location_id = ?)
              AND NOT c.deleted AND c.last_message_date IS NOT NULL
              AND NOT (c.archived OR (coalesce(t.archived_seq, 0) > 0 AND coalesce(t.archived_seq, 0) >= c.last_customer_feed_seq))
            ORDER BY c.last_message_date DESC, c.id DESC
            LIMIT 50""";

    /** The floor of a page: its keys and versions, in the library's default inbox order and filter. */
    public static final String FLOOR_KEYS = """
            SELECT c.id, c.version, t.version, c.last_message_id, m.version
            FROM conversation c
            LEFT JOIN thread t ON t.conversation = c.rid AND t.user_id = ?
            JOIN message m ON m.id = c.last_message_id AND m.tenant = c.tenant
            WHERE c.tenant = (SELECT id FROM tenant WHERE company_id = ? AND location_id = ?)
              AND NOT c.deleted AND c.last_message_date IS NOT NULL
              AND NOT (c.archived OR (coalesce(t.archived_seq, 0) > 0 AND coalesce(t.archived_seq, 0) >= c.last_customer_feed_seq))
            ORDER BY c.last_message_date DESC, c.id DESC
            LIMIT 50""";

    @Param({"10000", "1000000"})
    public int messages;

    @Param({"200"})
    public int users;

    private Connection connection;
    private PreparedStatement naive;
    private PreparedStatement floor;
    private PreparedStatement keys;
    Path file;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        file = StoreKind.cachedSqlite(new DataSet(messages, users));
        JdbiStore.sqlite(file).close(); // make sure the schema is current
        // the same connection settings the library's readers use (page cache, mmap), through the plain driver
        connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (var pragmas = connection.createStatement()) {
            pragmas.execute("PRAGMA cache_size = -65536");
            pragmas.execute("PRAGMA mmap_size = 268435456");
        }
        naive = connection.prepareStatement(NAIVE_INBOX);
        floor = connection.prepareStatement(FLOOR_INBOX);
        keys = connection.prepareStatement(FLOOR_KEYS);
        for (PreparedStatement statement : new PreparedStatement[] {naive, floor, keys}) {
            statement.setString(1, "user-1");
            statement.setString(2, DataSet.COMPANY);
            statement.setString(3, DataSet.LOCATION);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        connection.close();
    }

    private static int readAll(PreparedStatement statement, Blackhole blackhole) throws SQLException {
        int rows = 0;
        try (ResultSet rs = statement.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    blackhole.consume(rs.getObject(i));
                }
                rows++;
            }
        }
        return rows;
    }

    @Benchmark
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public int floorInboxPage(Blackhole blackhole) throws SQLException {
        return readAll(floor, blackhole);
    }

    @Benchmark
    @Warmup(iterations = 2, time = 1)
    @Measurement(iterations = 3, time = 1)
    public int floorInboxKeys(Blackhole blackhole) throws SQLException {
        return readAll(keys, blackhole);
    }

    @Benchmark
    @Warmup(iterations = 15, time = 1) // as WriteBenchmark's: the same warm-up for the floor and the library
    @Measurement(iterations = 5, time = 1)
    public long floorWritePair(WriteFloor floor) throws SQLException {
        return floor.createAndMarkRead();
    }

    @Benchmark
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 2, time = 1)
    public int naiveInboxPage(Blackhole blackhole) throws SQLException {
        return readAll(naive, blackhole);
    }

    /**
     * The write floor: what {@code WriteBenchmark.createAndMarkRead} does, with the least statements
     * its effect needs, on a copy of the file with the store's pragmas (WAL, synchronous=NORMAL), the
     * driver's generated keys off, and time-ordered ids. A customer message: its change row (the next sequence of the tenant's feed,
     * spelt as the store spells it), the message row, the conversation's last message and customer
     * counters, the text in the search index, in one BEGIN IMMEDIATE transaction. The user's markRead: its change row and the thread's
     * read point upserted, in another.
     */
    @State(Scope.Benchmark)
    public static class WriteFloor {
        private static final String CHANGE = """
                INSERT INTO change_feed (tenant, sequence, entity_type, entity_id, version, operation, actor_kind,
                    actor_id, time, customer_id)
                SELECT ?, coalesce(max(sequence), 0) + 1, ?, ?, ?, ?, ?, ?, ?, ? FROM change_feed WHERE tenant = ?
                RETURNING sequence""";
        private static final String MESSAGE = """
                INSERT INTO message (id, tenant, conversation, created_date, version, deleted, author_type, text,
                    customer_number, feed_seq)
                SELECT ?, ?, rid, ?, 1, 0, 'c', ?, customer_count + 1, ? FROM conversation WHERE rid = ?
                RETURNING rid, customer_number""";
        private static final String CONVERSATION = """
                UPDATE conversation SET last_message_date = ?, last_message_body = ?, last_message_id = ?,
                    last_message_direction = 'INBOUND', last_message_type = NULL, customer_count = customer_count + 1,
                    last_live_customer_number = ?, last_live_customer_feed_seq = ?, last_customer_feed_seq = ?,
                    row_seq = ?
                WHERE rid = ?""";
        private static final String THREAD = """
                INSERT INTO thread (conversation, user_id, created_date, updated_date, version, read_number,
                    read_feed_seq, archived_seq, important)
                VALUES (?, ?, ?, ?, 1, ?, ?, 0, 0)
                ON CONFLICT (conversation, user_id) DO UPDATE SET read_number = excluded.read_number,
                    read_feed_seq = excluded.read_feed_seq, updated_date = excluded.updated_date,
                    version = version + 1""";
        private final IdGenerator ids = IdGenerator.timeOrdered();
        private Connection connection;
        private PreparedStatement change;
        private PreparedStatement message;
        private PreparedStatement conversation;
        private PreparedStatement search;
        private PreparedStatement thread;
        private long tenant;
        private long[] conversations;
        private String[] customers;
        private long next;

        @Setup(Level.Trial)
        public void setUp(SqlBaselineBenchmark data) throws SQLException {
            Path copy = StoreKind.copyOf(data.file);
            // without the driver's generated keys (a SELECT after every INSERT), as the store opens its writer
            SQLiteConfig driver = new SQLiteConfig();
            driver.setGetGeneratedKeys(false);
            connection = driver.createConnection("jdbc:sqlite:" + copy.toAbsolutePath());
            try (var pragmas = connection.createStatement()) {
                pragmas.execute("PRAGMA journal_mode = WAL");
                pragmas.execute("PRAGMA synchronous = NORMAL");
                pragmas.execute("PRAGMA cache_size = -65536");
                pragmas.execute("PRAGMA mmap_size = 268435456");
            }
            try (var q = connection.prepareStatement("SELECT id FROM tenant WHERE company_id = ? AND location_id = ?")) {
                q.setString(1, DataSet.COMPANY);
                q.setString(2, DataSet.LOCATION);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    tenant = rs.getLong(1);
                }
            }
            List<long[]> rids = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            try (var q = connection.prepareStatement(
                    "SELECT rid, customer_id FROM conversation WHERE tenant = ? AND NOT deleted ORDER BY rid")) {
                q.setLong(1, tenant);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        rids.add(new long[] {rs.getLong(1)});
                        ids.add(rs.getString(2));
                    }
                }
            }
            conversations = rids.stream().mapToLong(r -> r[0]).toArray();
            customers = ids.toArray(String[]::new);
            change = connection.prepareStatement(CHANGE);
            message = connection.prepareStatement(MESSAGE);
            conversation = connection.prepareStatement(CONVERSATION);
            search = connection.prepareStatement("INSERT INTO search_fts (rowid, tokens) VALUES (?, ?)");
            thread = connection.prepareStatement(THREAD);
            connection.setAutoCommit(true);
        }

        @TearDown(Level.Trial)
        public void tearDown() throws SQLException {
            connection.close();
        }

        private static void bind(PreparedStatement statement, Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
        }

        private long change(String type, String id, String operation, String kind, String actor, long now,
                String customer) throws SQLException {
            bind(change, tenant, type, id, 1L, operation, kind, actor, now, customer, tenant);
            try (ResultSet rs = change.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        long createAndMarkRead() throws SQLException {
            int pick = (int) (next++ % conversations.length);
            long rid = conversations[pick];
            String customer = customers[pick];
            long now = System.currentTimeMillis();
            String id = ids.newId();
            String text = "is my car ready? " + next;
            try (var begin = connection.createStatement()) {
                begin.execute("BEGIN IMMEDIATE");
            }
            long seq = change("m", id, "c", "c", customer, now, customer);
            bind(message, id, tenant, now, text, seq, rid);
            long messageRid;
            int number;
            try (ResultSet rs = message.executeQuery()) {
                rs.next();
                messageRid = rs.getLong(1);
                number = rs.getInt(2);
            }
            bind(conversation, now, text, id, number, seq, seq, seq, rid);
            conversation.executeUpdate();
            bind(search, messageRid, "is my car ready " + next);
            search.executeUpdate();
            try (var commit = connection.createStatement()) {
                commit.execute("COMMIT");
                commit.execute("BEGIN IMMEDIATE");
            }
            long readSeq = change("t", "user-0/" + rid, "R", "u", "user-0", now, customer);
            bind(thread, rid, "user-0", now, now, number, readSeq);
            thread.executeUpdate();
            try (var commit = connection.createStatement()) {
                commit.execute("COMMIT");
            }
            return readSeq;
        }
    }
}
