package dev.messaging.jdbi;

import dev.messaging.spi.CommitListener;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices commits that other processes make to a SQLite file, so that long polls and
 * subscriptions here wake without waiting out their timeout: {@code PRAGMA data_version}, read on a
 * connection of its own every {@value #PERIOD_MILLIS} ms, changes when another connection committed
 * a change. It cannot tell which tenant, so it says "maybe any tenant" (waiters read their feed
 * again; a wake-up carries no data) and leaves the outbox's workers to their own idle poll.
 *
 * <p>Nor can it tell this process's commits from another's, but it counts this store's writes: a
 * change in a period without one of them is another process's, told at once; a change in a period
 * with some of them may be only this process's own (already told in process), so it is told at most
 * once per {@value #SHARED_PERIOD_MILLIS} ms. Telling every such change made each subscribed tenant
 * read its feed after each of this process's own writes: with 10,000 subscriptions over 1,000 tenants
 * a write reached its listeners in 31 ms at p99 instead of 5 (SubscriptionFootprint). So another
 * process's commit wakes waiters here within about 50 ms while this process does not write, within
 * about a second while it does. Costs one query per period while someone listens.
 */
final class SqliteCommitWatch implements AutoCloseable {
    static final long PERIOD_MILLIS = 50;
    static final long SHARED_PERIOD_MILLIS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(SqliteCommitWatch.class);
    private final DataSource source;
    private final CommitListener committed;
    private final LongSupplier ownWrites;
    private final Thread thread;
    private volatile boolean open = true;

    SqliteCommitWatch(DataSource source, String name, LongSupplier ownWrites, CommitListener committed) {
        this.source = source;
        this.ownWrites = ownWrites;
        this.committed = committed;
        this.thread = new Thread(this::run, "messaging-sqlite-commits-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (open) {
            try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
                long mine = ownWrites.getAsLong(); // read before the version: a write between counts as ours
                long seen = version(s);
                boolean untold = false;
                long told = System.nanoTime();
                while (open) {
                    Thread.sleep(PERIOD_MILLIS);
                    long mineNow = ownWrites.getAsLong();
                    long now = version(s);
                    boolean foreign = false;
                    if (now != seen) {
                        seen = now;
                        untold = true;
                        foreign = mineNow == mine; // nothing of ours in the period: another process's
                    }
                    mine = mineNow;
                    long sinceTold = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - told);
                    if (untold && (foreign || sinceTold >= SHARED_PERIOD_MILLIS)) {
                        untold = false;
                        told = System.nanoTime();
                        committed.committed(null, false);
                    }
                }
            } catch (SQLException e) {
                if (open) {
                    LOG.warn("watching the SQLite file for other processes' commits failed; trying again in 1 s", e);
                    pause(1_000);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long version(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA data_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            open = false;
        }
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        thread.interrupt();
        thread.join(5_000);
    }
}
