package dev.messaging.jdbi;

import dev.messaging.spi.CommitListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens on PostgreSQL for the writes other instances commit ({@code LISTEN messaging_changes}:
 * every write transaction notifies with its tenant, delivered at COMMIT) and tells core, so that
 * long polls and subscriptions on this instance wake without polling. One connection of the
 * store's data source is held for it while it runs. While that connection is down it says "maybe
 * any tenant" every second (a bounded fallback poll), and it reconnects.
 */
final class ChangeListening implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ChangeListening.class);
    private static final long FALLBACK_MILLIS = 1_000;
    private final DataSource dataSource;
    private final CommitListener committed;
    private final Thread thread;
    private volatile boolean open = true;
    private volatile boolean connected;

    ChangeListening(DataSource dataSource, CommitListener committed) {
        this.dataSource = dataSource;
        this.committed = committed;
        this.thread = new Thread(this::run, "messaging-listen");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether the listening connection is up. */
    boolean connected() {
        return connected;
    }

    private void run() {
        while (open) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(true);
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + Dialect.CHANGES_CHANNEL);
                }
                PGConnection pg = c.unwrap(PGConnection.class);
                connected = true;
                committed.committed(null, true); // writes made while we were not listening
                while (open) {
                    PGNotification[] notifications = pg.getNotifications((int) FALLBACK_MILLIS);
                    if (notifications != null) {
                        for (PGNotification n : notifications) {
                            Dialect.notify(n.getParameter(), committed);
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (open) {
                    LOG.warn("messaging: listening for other instances' writes failed; polling every second until"
                            + " it reconnects", e);
                }
            } finally {
                connected = false;
            }
            for (long waited = 0; open && waited < FALLBACK_MILLIS; waited += 100) {
                sleep(100);
            }
            if (open) {
                committed.committed(null, true);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            thread.join(2 * FALLBACK_MILLIS + 500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
