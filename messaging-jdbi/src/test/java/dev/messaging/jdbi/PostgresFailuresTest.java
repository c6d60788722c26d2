package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.zaxxer.hikari.HikariDataSource;
import dev.messaging.Messaging;
import dev.messaging.change.EntityType;
import dev.messaging.common.Actor;
import dev.messaging.error.CommitOutcomeUnknownException;
import dev.messaging.error.MessagingException;
import dev.messaging.error.StorageException;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.message.NewMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL when the network and other instances misbehave: a commit whose answer is lost is
 * reported as such (and only then may a "failed" write be durable); backends killed under load lose
 * no acknowledged write and reach callers as library exceptions; a tenant whose lock another
 * instance holds fails its writers in bounded time without taking the pool from other tenants;
 * nothing runs on a connection after COMMIT, and the round trips of the main calls are counted.
 */
class PostgresFailuresTest {
    private final String company = "pgf-" + UUID.randomUUID();
    private final Actor customer = Actor.customer(company, "loc", "c1");
    private final Actor user = Actor.user(company, "loc", "alice");

    @Test
    void aCommitWhoseAnswerIsLostIsCommitOutcomeUnknownAndTheWriteMayBeDurable() {
        WiretapDataSource wire = new WiretapDataSource(TestDatabases.postgresPool());
        try (Messaging tapped = Messaging.builder(JdbiStore.create(wire.dataSource())).build();
                Messaging plain = Messaging.builder(JdbiStore.create(TestDatabases.postgresPool())).build()) {
            wire.failAfterCommit = true;
            CommitOutcomeUnknownException e = catchThrowableOfType(CommitOutcomeUnknownException.class,
                    () -> tapped.messages().create(customer, NewMessage.to("c1", "committed?").build()));
            assertThat(e).isNotNull().isInstanceOf(MessagingException.class);
            wire.failAfterCommit = false;
            assertThat(plain.inbox().list(user, InboxQuery.all()).items()).extracting(x -> x.message().text())
                    .containsExactly("committed?");
        }
    }

    @Test
    void aStatementThatFailsIsARetryableStorageExceptionAndWritesNothing() {
        WiretapDataSource wire = new WiretapDataSource(TestDatabases.postgresPool());
        try (Messaging tapped = Messaging.builder(JdbiStore.create(wire.dataSource())).build()) {
            tapped.messages().create(customer, NewMessage.to("c1", "before").build());
            // a write's first statements (its settings, the tenant's lock, its reads): a drop there
            // wrote nothing (a drop of its last, which carry its COMMIT, is an unknown outcome: above)
            wire.failStatement = sql -> sql.startsWith("SET LOCAL lock_timeout");
            StorageException e = catchThrowableOfType(StorageException.class,
                    () -> tapped.messages().create(customer, NewMessage.to("c1", "lost").build()));
            assertThat(e.retryable()).isTrue();
            assertThat(e.getCause()).isNotNull();
            wire.failStatement = sql -> false;
            assertThat(tapped.changes().since(user, 0, 100)).hasSize(2);
        }
    }

    @Test
    void nothingRunsAfterCommitAndTheMainCallsTakeFewRoundTrips() throws InterruptedException {
        WiretapDataSource wire = new WiretapDataSource(TestDatabases.postgresPool());
        try (Messaging tapped = Messaging.builder(JdbiStore.create(wire.dataSource())).build()) {
            tapped.messages().create(customer, NewMessage.to("c1", "warm up").build());
            Map<String, List<String>> trips = new LinkedHashMap<>();
            wire.clear();
            tapped.messages().create(customer, NewMessage.to("c1", "counted").build());
            trips.put("messages().create", List.copyOf(wire.calls));
            wire.clear();
            tapped.inbox().list(user, InboxQuery.all());
            trips.put("inbox().list", ended(wire));
            wire.clear();
            tapped.changes().since(user, 0, 10);
            trips.put("changes().since", ended(wire));
            trips.forEach((call, sent) -> {
                System.out.printf("round trips of %s: %d%n", call, sent.size());
                assertThat(sent).as(call).noneMatch(s -> s.contains("TransactionIsolation"));
                assertThat(sent.get(sent.size() - 1)).as("%s ends with its COMMIT or ROLLBACK", call)
                        .isIn("COMMIT", "ROLLBACK");
            });
            // A customer's message also reads who to notify (the thread holders, with their settings).
            assertThat(trips.get("messages().create")).hasSizeLessThanOrEqualTo(9);
            // A read after the store has seen the tenant: no tenant lookup (its row key is kept);
            // its isolation level goes with its first statement; 4 with the page's rows read in full
            // (they are not in the row cache yet after the write), 3 when they are.
            assertThat(trips.get("inbox().list")).hasSizeLessThanOrEqualTo(4);
            assertThat(trips.get("inbox().list").get(0)).startsWith("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;\n");
            assertThat(trips.get("changes().since")).hasSizeLessThanOrEqualTo(3);
        }
    }

    /**
     * What went over {@code wire} once a read has ended: its ROLLBACK is sent after its answer (up
     * to 5 s waited for), then 100 ms more to see that nothing follows it.
     */
    private static List<String> ended(WiretapDataSource wire) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!wire.calls.contains("ROLLBACK") && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        Thread.sleep(100);
        return List.copyOf(wire.calls);
    }

    @Test
    void aReadWhoseConnectionsWereEndedByTheServerRunsAgainOnNewOnes() {
        String database = "ended_" + UUID.randomUUID().toString().replace("-", "");
        Jdbi.create(TestDatabases.postgresPool()).useHandle(h -> h.execute("CREATE DATABASE " + database));
        try (HikariDataSource pool = TestDatabases.newPostgresPool(database, 2);
                Messaging messaging = Messaging.builder(JdbiStore.create(pool)).build();
                Handle killer = Jdbi.open(TestDatabases.postgres().getDatabase("postgres", database))) {
            String id = messaging.messages().create(customer, NewMessage.to("c1", "before the restart").build()).id();
            int ended = killer.createQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()").mapTo(Integer.class).one();
            assertThat(ended).as("pooled connections ended by the server").isPositive();
            assertThat(messaging.messages().find(customer, id)).map(m -> m.text()).contains("before the restart");
        }
    }

    @Test
    void killedBackendsLoseNoAcknowledgedWriteAndReachCallersAsLibraryExceptions() throws Exception {
        String database = "kill_" + UUID.randomUUID().toString().replace("-", "");
        Jdbi.create(TestDatabases.postgresPool()).useHandle(h -> h.execute("CREATE DATABASE " + database));
        try (HikariDataSource first = TestDatabases.newPostgresPool(database, 3);
                HikariDataSource second = TestDatabases.newPostgresPool(database, 3);
                Messaging one = Messaging.builder(JdbiStore.create(first)).build();
                Messaging two = Messaging.builder(JdbiStore.create(second)).build()) {
            Map<String, String> outcome = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger kills = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(5);
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Messaging instance = t % 2 == 0 ? one : two;
                int thread = t;
                work.add(threads.submit(() -> {
                    for (int i = 0; running.get(); i++) {
                        String key = "k" + thread + "-" + i;
                        try {
                            instance.messages().create(customer, NewMessage.to("c1", key).clientMessageId(key).build());
                            outcome.put(key, "ok");
                        } catch (CommitOutcomeUnknownException e) {
                            outcome.put(key, "unknown");
                        } catch (MessagingException e) {
                            outcome.put(key, "failed");
                        } catch (RuntimeException e) {
                            outcome.put(key, "raw " + e.getClass().getName());
                        }
                    }
                    return null;
                }));
            }
            work.add(threads.submit(() -> {
                try (Handle killer = Jdbi.open(TestDatabases.postgres().getDatabase("postgres", database))) {
                    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
                    while (System.nanoTime() < until) {
                        Thread.sleep(100);
                        kills.addAndGet(killer.createQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
                                + " WHERE datname = current_database() AND pid <> pg_backend_pid()")
                                .mapTo(Integer.class).one());
                    }
                } finally {
                    running.set(false);
                }
                return null;
            }));
            for (Future<?> f : work) {
                f.get(2, TimeUnit.MINUTES);
            }
            threads.shutdown();
            Thread.sleep(200);
            List<String> all = allTexts(one);
            long ok = outcome.values().stream().filter("ok"::equals).count();
            long failed = outcome.values().stream().filter("failed"::equals).count();
            long unknown = outcome.values().stream().filter("unknown"::equals).count();
            System.out.printf("killed %d backends: %d creates acknowledged, %d failed, %d commit unknown (%d of them"
                    + " stored)%n", kills.get(), ok, failed, unknown,
                    outcome.entrySet().stream().filter(e -> e.getValue().equals("unknown") && all.contains(e.getKey())).count());
            assertThat(ok).isPositive();
            assertThat(kills.get()).isPositive();
            assertThat(outcome.values()).noneMatch(v -> v.startsWith("raw "));
            outcome.forEach((key, result) -> {
                if (result.equals("ok")) {
                    assertThat(all).as("acknowledged %s", key).contains(key);
                }
                if (result.equals("failed")) {
                    assertThat(all).as("failed (not in doubt) %s", key).doesNotContain(key);
                }
            });
            assertThat(one.verify(user.tenant()).ok()).isTrue();
        }
    }

    private List<String> allTexts(Messaging m) {
        return m.changes().stream(user, 0)
                .filter(c -> c.entityType() == EntityType.MESSAGE)
                .map(c -> m.messages().find(user, c.entityId()).orElseThrow().text()).toList();
    }

    @Test
    void twoWritersOfATenantWaitInTheDatabaseAtOnceWhenThePoolHasRoomAndAThirdWaitsItsTurn() throws Exception {
        String database = "turns_" + UUID.randomUUID().toString().replace("-", "");
        Jdbi.create(TestDatabases.postgresPool()).useHandle(h -> h.execute("CREATE DATABASE " + database));
        try (HikariDataSource pool = TestDatabases.newPostgresPool(database, 8);
                Messaging messaging = Messaging.builder(JdbiStore.create(pool)).build();
                Handle outside = Jdbi.open(TestDatabases.postgres().getDatabase("postgres", database))) {
            messaging.messages().create(customer, NewMessage.to("c1", "before").build());
            outside.begin();
            outside.createQuery("SELECT id FROM messaging.tenant WHERE company_id = :c FOR UPDATE").bind("c", company)
                    .mapTo(Long.class).one();
            ExecutorService threads = Executors.newFixedThreadPool(3);
            List<Future<?>> writes = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                String text = "queued " + t;
                writes.add(threads.submit(() -> messaging.messages().create(customer, NewMessage.to("c1", text).build())));
            }
            String waiting = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND wait_event_type = 'Lock'";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (outside.createQuery(waiting).mapTo(Integer.class).one() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            Thread.sleep(200); // a third would be there by now, were it let in
            assertThat(outside.createQuery(waiting).mapTo(Integer.class).one())
                    .as("writers of the tenant waiting for its lock in the database").isEqualTo(2);
            outside.rollback();
            for (Future<?> f : writes) {
                f.get(30, TimeUnit.SECONDS);
            }
            threads.shutdown();
            assertThat(messaging.inbox().list(user, InboxQuery.all()).items()).hasSize(1);
            assertThat(messaging.changes().since(user, 0, 100)).hasSizeGreaterThanOrEqualTo(4);
        }
    }

    @Test
    void aStuckTenantFailsItsWritersInTimeAndLeavesTheOthersAlone() throws Exception {
        Actor stuckCustomer = Actor.customer(company, "loc", "c1");
        Actor other = Actor.customer("other-" + company, "loc", "c1");
        Actor otherUser = Actor.user("other-" + company, "loc", "u1");
        JdbiStore.Options quick = JdbiStore.Options.defaults().withLockTimeout(Duration.ofSeconds(1));
        try (HikariDataSource first = TestDatabases.newPostgresPool("postgres", 2);
                HikariDataSource second = TestDatabases.newPostgresPool("postgres", 2);
                Messaging one = Messaging.builder(JdbiStore.create(first, quick)).build();
                Messaging two = Messaging.builder(JdbiStore.create(second, quick)).build();
                Handle outside = TestDatabases.rawPostgres("postgres").open()) {
            one.messages().create(stuckCustomer, NewMessage.to("c1", "before").build());
            two.messages().create(other, NewMessage.to("c1", "before").build());
            outside.begin();
            outside.createQuery("SELECT id FROM tenant WHERE company_id = :c FOR UPDATE").bind("c", company)
                    .mapTo(Long.class).one();
            ExecutorService threads = Executors.newFixedThreadPool(6);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> stuck = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                Messaging instance = t % 2 == 0 ? one : two;
                stuck.add(threads.submit(() -> {
                    start.await();
                    long began = System.nanoTime();
                    try {
                        instance.messages().create(stuckCustomer, NewMessage.to("c1", "blocked").build());
                        return "written";
                    } catch (StorageException e) {
                        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
                        return (e.retryable() ? "retryable" : "final") + " after " + took + " ms";
                    }
                }));
            }
            start.countDown();
            Thread.sleep(100);
            for (Messaging instance : List.of(one, two)) {
                long began = System.nanoTime();
                instance.messages().create(other, NewMessage.to("c1", "still fine").build());
                assertThat(instance.inbox().list(otherUser, InboxQuery.all()).items()).isNotEmpty();
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began)).as("the other tenant waits for nobody")
                        .isLessThan(900);
            }
            for (Future<String> f : stuck) {
                String result = f.get(30, TimeUnit.SECONDS);
                assertThat(result).startsWith("retryable");
                assertThat(Long.parseLong(result.replaceAll("\\D+", " ").trim().split(" ")[0])).isLessThan(5_000);
            }
            threads.shutdown();
            outside.rollback();
            one.messages().create(stuckCustomer, NewMessage.to("c1", "after").build());
        }
    }
}
