package dev.messaging.jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL: keeps the planner's statistics of the store's growing tables current, as the SQLite
 * store does with {@code PRAGMA optimize}. A table never analysed, or changed by more than a fifth
 * of its rows since its last analysis, is analysed when the store opens (a database just migrated
 * or bulk-imported) and, as the store writes, after every {@value #CHECK_EVERY} writes on a daemon
 * thread (one check at a time). Autovacuum does the same eventually, but only once a minute at best
 * and not at all where it is off: a probe without statistics planned the first inbox page at 9.9 ms
 * against 0.3 ms analysed, and {@code PostgresGrownPlanTest} finds a busy conversation's message
 * list sorted and a text search scanning messages until the tables are analysed.
 *
 * <p>Cost: one query of {@code pg_stat_user_tables} per check (about a millisecond), and an
 * ANALYZE (a sample of 30,000 rows a table: tens of milliseconds) only when a table is stale.
 */
final class PostgresStatistics implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PostgresStatistics.class);
    /** The tables that grow with use. */
    private static final List<String> GROWING = List.of("conversation", "message", "thread", "change_feed",
            "delivery", "consent");
    /** Writes between two checks. */
    static final long CHECK_EVERY = 1_000;
    /** A table smaller than this is never worth a check: the planner reads it whole either way. */
    private static final long MIN_ROWS = 1_000;

    private final DataSource dataSource;
    private final String schema;
    private final AtomicLong writes = new AtomicLong();
    private final AtomicBoolean checking = new AtomicBoolean();
    private volatile boolean closed;

    PostgresStatistics(DataSource dataSource, String schema) {
        this.dataSource = dataSource;
        this.schema = schema;
    }

    /** Counts a write; every {@value #CHECK_EVERY} writes, checks the tables on a daemon thread. */
    void wrote() {
        if (writes.incrementAndGet() % CHECK_EVERY == 0 && !closed && checking.compareAndSet(false, true)) {
            Thread thread = new Thread(() -> {
                try {
                    refreshStale();
                } finally {
                    checking.set(false);
                }
            }, "messaging-postgres-statistics");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * Analyses the store's tables whose statistics are missing or stale; returns the tables analysed.
     * A failure is logged, never thrown: statistics are an optimisation.
     */
    List<String> refreshStale() {
        List<String> stale = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(true); // ANALYZE in a transaction of its own; the connection goes back as it came
            try {
                analyzeStale(c, stale);
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("messaging: refreshing the planner's statistics failed (plans may be slower until it works): {}",
                    e.toString());
            return List.of();
        }
        return stale;
    }

    private void analyzeStale(Connection c, List<String> stale) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                SELECT relname FROM pg_stat_user_tables
                WHERE schemaname = ? AND relname = ANY (?) AND n_live_tup >= ?
                  AND (coalesce(last_analyze, last_autoanalyze) IS NULL OR n_mod_since_analyze > n_live_tup / 5)
                ORDER BY relname""")) {
            st.setString(1, schema);
            st.setArray(2, c.createArrayOf("text", GROWING.toArray()));
            st.setLong(3, MIN_ROWS);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    stale.add(rs.getString(1));
                }
            }
        }
        if (!stale.isEmpty() && !closed) {
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE " + String.join(", ", stale.stream().map(t -> schema + "." + t).toList()));
            }
            LOG.debug("messaging: analysed {} (statistics missing or stale)", stale);
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
