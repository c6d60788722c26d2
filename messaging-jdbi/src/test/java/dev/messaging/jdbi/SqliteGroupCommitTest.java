package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariPoolMXBean;
import dev.messaging.common.Tenant;
import dev.messaging.notification.NotificationConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/**
 * The SQLite file store's single writer shares one transaction among writers that queue for it:
 * with eight threads writing at once, commits hold several writes each; a write that fails takes
 * nothing of its group with it; every write that returned is visible to a new read at once (it
 * returned after its commit).
 */
class SqliteGroupCommitTest {
    private static final int THREADS = 8;
    private static final int WRITES = 150;
    private static final Tenant TENANT = new Tenant("co", "loc");

    private static Optional<NotificationConfig> stored(JdbiStore store, String user) {
        return store.read(TENANT, tx -> tx.findNotificationConfig(user));
    }

    @Test
    void queuedWritersCommitTogetherAndAFailureStaysWithItsWriter() throws Exception {
        try (JdbiStore store = JdbiStore.sqlite(TestDatabases.newSqliteFile())) {
            Set<String> acknowledged = ConcurrentHashMap.newKeySet();
            Set<String> refused = ConcurrentHashMap.newKeySet();
            List<String> unseenAfterReturn = new ArrayList<>();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(new Thread(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < WRITES; i++) {
                        String user = "u" + thread + "-" + i;
                        boolean fail = i % 5 == 0;
                        try {
                            store.inTransaction(TENANT, tx -> {
                                tx.saveNotificationConfig(new NotificationConfig(user, true, false, true));
                                if (fail) {
                                    throw new IllegalStateException("refused after writing");
                                }
                                return null;
                            });
                            acknowledged.add(user);
                            if (stored(store, user).isEmpty()) {
                                synchronized (unseenAfterReturn) {
                                    unseenAfterReturn.add(user);
                                }
                            }
                        } catch (IllegalStateException e) {
                            refused.add(user);
                        }
                    }
                }));
            }
            threads.forEach(Thread::start);
            long[] before = store.groupCommits();
            start.countDown();
            for (Thread thread : threads) {
                thread.join(120_000);
            }
            long[] after = store.groupCommits();

            assertThat(acknowledged).hasSize(THREADS * WRITES * 4 / 5);
            assertThat(refused).hasSize(THREADS * WRITES / 5);
            assertThat(unseenAfterReturn).as("writes that returned before their commit was visible").isEmpty();
            for (String user : acknowledged) {
                assertThat(stored(store, user)).as(user).isPresent();
            }
            for (String user : refused) {
                assertThat(stored(store, user)).as(user).isEmpty();
            }
            long commits = after[0] - before[0];
            long writes = after[1] - before[1];
            assertThat(writes).isEqualTo(acknowledged.size());
            assertThat(commits).as("commits for %d writes", writes).isLessThan(writes);
        }
    }

    /**
     * The writer keeps its handle from one write to the next (a connection of the writer's pool
     * stays borrowed), and gives it back when work that takes the writer itself comes (ANALYZE
     * here), after a failed write, and at the first write a second after it took it.
     */
    @Test
    void theWriterKeepsItsConnectionBetweenWritesForASecond() throws Exception {
        try (JdbiStore store = JdbiStore.sqlite(TestDatabases.newSqliteFile())) {
            HikariPoolMXBean writerPool = store.pools().stream()
                    .filter(pool -> pool.getPoolName().equals("messaging-sqlite-writer")).findFirst().orElseThrow()
                    .getHikariPoolMXBean();
            Runnable write = () -> store.inTransaction(TENANT, tx -> {
                tx.saveNotificationConfig(new NotificationConfig("u1", true, false, true));
                return null;
            });
            write.run();
            write.run();
            assertThat(writerPool.getActiveConnections()).as("kept after two writes").isEqualTo(1);
            store.analyze();
            assertThat(writerPool.getActiveConnections()).as("given back for ANALYZE").isZero();
            write.run();
            assertThat(writerPool.getActiveConnections()).as("kept again").isEqualTo(1);
            try {
                store.inTransaction(TENANT, tx -> {
                    throw new IllegalStateException("refused");
                });
            } catch (IllegalStateException expected) {
                // the write's own failure
            }
            assertThat(writerPool.getActiveConnections()).as("given back after a failed write").isZero();
            write.run();
            Thread.sleep(1_100);
            write.run();
            assertThat(writerPool.getActiveConnections()).as("given back a second after it was taken").isZero();
            assertThat(stored(store, "u1")).isPresent();
        }
    }
}
