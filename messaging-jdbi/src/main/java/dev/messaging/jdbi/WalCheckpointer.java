package dev.messaging.jdbi;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies a SQLite file's write-ahead log back into the database from a thread of its own, every
 * {@value #PERIOD_MILLIS} ms ({@code PRAGMA wal_checkpoint(PASSIVE)}: it waits for no reader and
 * no writer). Left to SQLite, the commit that fills the log past 1,000 pages runs the checkpoint
 * itself, with the write lock held: most of a commit's time under load. The writer's own
 * checkpoint stays as a backstop at {@link #WRITER_BACKSTOP_PAGES}, should this thread fall behind.
 *
 * <p>The same thread keeps the query planner's statistics fresh on a database that grew through
 * the API, as SQLite advises for long-lived connections: {@code PRAGMA optimize} (analysing at
 * most {@value #ANALYSIS_LIMIT} rows per index, so it takes milliseconds) when the store opens and
 * every {@value #OPTIMIZE_EVERY_MINUTES} minutes. It analyses only tables whose size changed
 * tenfold since their last statistics, so on a steady database it does nothing; after it the
 * pools replace their connections as they come free, which plan with the statistics they first read.
 */
final class WalCheckpointer implements AutoCloseable {
    /** The log size (pages) at which the writer checkpoints by itself (SQLite's default is 1,000). */
    static final int WRITER_BACKSTOP_PAGES = 10_000;
    private static final long PERIOD_MILLIS = 50;
    private static final int ANALYSIS_LIMIT = 400;
    private static final long OPTIMIZE_EVERY_MINUTES = 60;
    private static final Logger LOG = LoggerFactory.getLogger(WalCheckpointer.class);
    private final DataSource source;
    private final Runnable afterOptimize;
    private final FileWatch watch;
    private final Thread thread;
    private volatile boolean open = true;

    /**
     * Starts the thread on {@code source}; {@code afterOptimize} runs after each analysis (the pools
     * replan); {@code watch} is checked before each checkpoint (it ends them once the file is lost).
     */
    WalCheckpointer(DataSource source, String name, Runnable afterOptimize, FileWatch watch) {
        this.source = source;
        this.afterOptimize = afterOptimize;
        this.watch = watch;
        this.thread = new Thread(this::run, "messaging-sqlite-checkpoint-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        boolean warned = false;
        while (open) {
            try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
                s.execute("PRAGMA analysis_limit = " + ANALYSIS_LIMIT);
                long optimizeAt = System.nanoTime();
                while (open) {
                    if (System.nanoTime() - optimizeAt >= 0) {
                        // 0x10000: every table, not only those this connection has queried (none)
                        PlannerStatistics.analyze(s, "PRAGMA optimize = 0x10002");
                        afterOptimize.run();
                        optimizeAt = System.nanoTime() + TimeUnit.MINUTES.toNanos(OPTIMIZE_EVERY_MINUTES);
                    }
                    watch.check();
                    if (watch.isLost()) {
                        return; // nothing of the file is there to checkpoint into
                    }
                    s.execute("PRAGMA wal_checkpoint(PASSIVE)");
                    sleep();
                }
            } catch (SQLException | RuntimeException e) {
                if (open && !warned) {
                    LOG.warn("messaging: the SQLite checkpoint thread failed; commits checkpoint by themselves", e);
                    warned = true;
                }
                sleep();
            }
        }
    }

    private void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(PERIOD_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the daemon thread ends with its next check
        }
    }
}
