package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.message.NewMessage;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** The SQLite file store's settings hold on its connections, and readers do not block the writer. */
class SqliteSettingsTest {

    private static String pragma(Jdbi jdbi, String name) {
        return jdbi.withHandle(h -> h.createQuery("PRAGMA " + name).mapTo(String.class).one());
    }

    @Test
    void writerAndReadersRunWithWalForeignKeysBusyTimeoutAndSynchronousNormal() throws Exception {
        try (JdbiStore store = JdbiStore.sqlite(TestDatabases.newSqliteFile())) {
            for (Jdbi jdbi : new Jdbi[] {store.writer(), store.reader()}) {
                assertThat(pragma(jdbi, "journal_mode")).isEqualTo("wal");
                assertThat(pragma(jdbi, "foreign_keys")).isEqualTo("1");
                assertThat(pragma(jdbi, "busy_timeout")).isEqualTo(String.valueOf(StoreOpening.BUSY_TIMEOUT_MILLIS));
                assertThat(pragma(jdbi, "synchronous")).isEqualTo("1");
            }
            boolean readOnly = store.reader().withHandle(h -> h.getConnection().isReadOnly());
            assertThat(readOnly).isTrue();
        }
    }

    @Test
    void anOpenReadTransactionDoesNotBlockTheWriter() throws Exception {
        JdbiStore store = JdbiStore.sqlite(TestDatabases.newSqliteFile());
        try (Messaging messaging = Messaging.builder(store).build()) {
            Actor customer = Actor.customer("co", "loc", "c1");
            messaging.messages().create(customer, NewMessage.to("c1", "before").build());
            CountDownLatch reading = new CountDownLatch(1);
            CountDownLatch written = new CountDownLatch(1);
            AtomicReference<Long> seenInsideRead = new AtomicReference<>();
            Thread reader = new Thread(() -> store.read(customer.tenant(), tx -> {
                long before = tx.feedHead();
                reading.countDown();
                try {
                    written.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                seenInsideRead.set(tx.changesSince(0, 100).size() - before);
                return null;
            }));
            reader.start();
            assertThat(reading.await(30, TimeUnit.SECONDS)).isTrue();
            messaging.messages().create(customer, NewMessage.to("c1", "while a reader is open").build());
            written.countDown();
            reader.join(30_000);
            assertThat(seenInsideRead.get()).as("the open read keeps its snapshot").isZero();
            assertThat(messaging.changes().since(Actor.user("co", "loc", "u"), 0, 100)).hasSize(3);
        }
    }

    @Test
    void aDatabaseGrownThroughTheApiGetsPlannerStatisticsWhenOpened() throws Exception {
        Path file = fileGrownThroughTheApi(200, 20);
        try (JdbiStore store = JdbiStore.sqlite(file)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            int statistics = 0;
            while (statistics == 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
                statistics = store.reader().withHandle(h -> h.createQuery(
                        "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").mapTo(Integer.class).one()) == 0
                        ? 0 : store.reader().withHandle(h -> h.createQuery(
                                "SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'message'").mapTo(Integer.class).one());
            }
            assertThat(statistics).as("rows of sqlite_stat1 for the message table, no ANALYZE called").isPositive();
        }
    }

    @Test
    void plannerStatisticsKeepNoSamplesWhenOpenedOrAnalysed() throws Exception {
        Path file = fileGrownThroughTheApi(100, 10);
        // as a library before this rule left it: ANALYZE with the driver's STAT4 samples
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement s = c.createStatement()) {
            s.execute("ANALYZE");
        }
        assertThat(count(file, "sqlite_stat4")).as("samples written by ANALYZE").isPositive();
        try (JdbiStore store = JdbiStore.sqlite(file)) {
            assertThat(count(file, "sqlite_stat4")).as("samples after opening").isZero();
            store.analyze();
            assertThat(count(file, "sqlite_stat4")).as("samples after analyze()").isZero();
            assertThat(count(file, "sqlite_stat1")).as("statistics after analyze()").isPositive();
        }
    }

    /** A new SQLite file holding {@code messages} customer messages over {@code customers}, each one create call. */
    private static Path fileGrownThroughTheApi(int messages, int customers) {
        Path file = TestDatabases.newSqliteFile();
        try (Messaging messaging = Messaging.builder(JdbiStore.sqlite(file)).build()) {
            for (int i = 0; i < messages; i++) {
                Actor customer = Actor.customer("co", "loc", "c" + i % customers);
                messaging.messages().create(customer, NewMessage.to(customer.customerId(), "text " + i).build());
            }
        }
        return file;
    }

    private static int count(Path file, String table) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
