package dev.messaging.jdbi;

import dev.messaging.spi.CommitListener;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices commits that other processes make to a SQLite file, so that long polls and
 * subscriptions here wake without waiting out their timeout: {@code PRAGMA data_version}, read on a
 * connection of its own every {@value #PERIOD_MILLIS} ms, changes when another connection committed
 * a change. It cannot tell which tenant, nor this process's other connections from another
 * process's, so it says "maybe any tenant" (waiters read their feed again; a wake-up carries no
 * data) and leaves the outbox's workers to their own idle poll. Costs one query per period while
 * someone listens.
 */
final class SqliteCommitWatch implements AutoCloseable {
    static final long PERIOD_MILLIS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(SqliteCommitWatch.class);
    private final DataSource source;
    private final CommitListener committed;
    private final Thread thread;
    private volatile boolean open = true;

    SqliteCommitWatch(DataSource source, String name, CommitListener committed) {
        this.source = source;
        this.committed = committed;
        this.thread = new Thread(this::run, "messaging-sqlite-commits-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (open) {
            try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
                long seen = version(s);
                while (open) {
                    Thread.sleep(PERIOD_MILLIS);
                    long now = version(s);
                    if (now != seen) {
                        seen = now;
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
