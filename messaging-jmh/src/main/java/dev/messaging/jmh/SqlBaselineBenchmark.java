package dev.messaging.jmh;

import dev.messaging.jdbi.JdbiStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

/**
 * What the library is measured against, on the same SQLite file as {@link InboxBenchmark}:
 * <ul>
 * <li>{@code floorInboxPage}: the same inbox page read by one hand-written SQL query through raw
 *     JDBC on the library's own schema and indexes, reading the columns and nothing more — the
 *     library's page over this is the cost of everything it adds;</li>
 * <li>{@code naiveInboxPage}: the inbox as one would write it without the library: the latest
 *     message per customer by GROUP BY/max() over the message table, unread counted with COUNT(*)
 *     per thread since the user's last read time — with the same indexes. It is slow at 1M
 *     messages, so it runs few iterations.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
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

    @Param({"10000", "1000000"})
    public int messages;

    @Param({"200"})
    public int users;

    private Connection connection;
    private PreparedStatement naive;
    private PreparedStatement floor;

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        Path file = StoreKind.cachedSqlite(new DataSet(messages, users));
        JdbiStore.sqlite(file).close(); // make sure the schema is current
        // the same connection settings the library's readers use (page cache, mmap), through the plain driver
        connection = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (var pragmas = connection.createStatement()) {
            pragmas.execute("PRAGMA cache_size = -65536");
            pragmas.execute("PRAGMA mmap_size = 268435456");
        }
        naive = connection.prepareStatement(NAIVE_INBOX);
        floor = connection.prepareStatement(FLOOR_INBOX);
        for (PreparedStatement statement : new PreparedStatement[] {naive, floor}) {
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
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 2, time = 1)
    public int naiveInboxPage(Blackhole blackhole) throws SQLException {
        return readAll(naive, blackhole);
    }
}
