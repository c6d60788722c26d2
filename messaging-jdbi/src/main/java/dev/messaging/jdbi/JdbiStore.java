package dev.messaging.jdbi;

import com.zaxxer.hikari.HikariDataSource;
import dev.messaging.common.Tenant;
import dev.messaging.delivery.Delivery;
import dev.messaging.error.CommitOutcomeUnknownException;
import dev.messaging.error.StorageException;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.spi.CommitListener;
import dev.messaging.spi.EarlyReport;
import dev.messaging.spi.Store;
import dev.messaging.spi.StoreTransaction;
import dev.messaging.spi.WaitingDeliveries;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC store, through Jdbi: SQLite (the embedded default) or PostgreSQL (for services that
 * run several instances). The schema migrates itself on start with Flyway (its history table is
 * {@code messaging_schema_history}; on PostgreSQL Flyway's advisory lock makes instances that
 * start at once migrate once), on PostgreSQL in a schema of its own ({@link Options#postgresSchema}).
 * A database whose schema is newer than this library's is refused.
 *
 * <p>SQLite: one writer connection at a time (WAL, synchronous=NORMAL, foreign keys on, busy timeout, every
 * write in a {@code BEGIN IMMEDIATE} transaction) behind a fair lock, so no SQLITE_BUSY reaches a
 * caller, and a pool of read-only connections that never block the writer. An in-memory SQLite
 * database is one shared connection for everything (each new connection to {@code :memory:} would
 * open its own empty database). A file that cannot be written is refused at open: the store has
 * no read-only mode. PostgreSQL: the caller's pool; a write transaction first locks its tenant's
 * row, so one tenant's writers run one at a time across instances; reads run in REPEATABLE READ so
 * that one call sees one snapshot.
 *
 * <p>Waits are bounded ({@link Options#lockTimeout}): a writer that does not get its tenant's lock
 * in time fails with a retryable {@link StorageException}, and one tenant's writers of this
 * instance queue here for one connection, so a stuck tenant cannot take every connection of the
 * pool from the others. What Jdbi, HikariCP and the drivers throw reaches a caller as a
 * {@link StorageException}; a failure while committing as a {@link CommitOutcomeUnknownException}.
 * Nothing runs on a connection after its COMMIT.
 */
public final class JdbiStore implements Store {
    /** Read connections of a SQLite file store. */
    public static final int SQLITE_READERS = 4;
    private static final Logger LOG = LoggerFactory.getLogger(JdbiStore.class);

    /**
     * How the store waits and grows: {@code lockTimeout} bounds the wait for a tenant's write lock
     * (its row lock on PostgreSQL, the single writer on SQLite), default 5 s; {@code sqliteMaxBytes}
     * caps a SQLite file store's database file (0, the default: no cap but the disk's). Past the cap
     * a write fails as on a full disk (a retryable {@code StorageException}, nothing written), and
     * writes succeed again once erasing or pruning freed room, without reopening.
     * {@code postgresSchema} is the PostgreSQL schema of the store's tables, created and migrated if
     * missing; null, the default, means {@code messaging} for a new database and, for a database
     * the store migrated before it had a schema of its own, the schema its tables are in.
     */
    public record Options(Duration lockTimeout, long sqliteMaxBytes, String postgresSchema) {
        public Options {
            if (lockTimeout == null || lockTimeout.isNegative() || lockTimeout.isZero()) {
                throw new IllegalArgumentException("lockTimeout must be positive");
            }
            if (sqliteMaxBytes < 0) {
                throw new IllegalArgumentException("sqliteMaxBytes must be 0 (no cap) or positive");
            }
            if (postgresSchema != null) {
                PostgresSchema.checked(postgresSchema);
            }
        }

        /** A lock timeout and a cap on a SQLite file, the PostgreSQL schema found or {@code messaging}. */
        public Options(Duration lockTimeout, long sqliteMaxBytes) {
            this(lockTimeout, sqliteMaxBytes, null);
        }

        /** A 5 s lock timeout, no cap on a SQLite file, the PostgreSQL schema found or {@code messaging}. */
        public static Options defaults() {
            return new Options(Duration.ofSeconds(5), 0);
        }

        /** These options with another lock timeout (positive). */
        public Options withLockTimeout(Duration value) {
            return new Options(value, sqliteMaxBytes, postgresSchema);
        }

        /** These options with a cap on a SQLite file store's database file, in bytes (0: none). */
        public Options withSqliteMaxBytes(long value) {
            return new Options(lockTimeout, value, postgresSchema);
        }

        /**
         * These options with the PostgreSQL schema of the store's tables: a lower-case identifier
         * ({@code [a-z_][a-z0-9_]*}); {@code public} keeps them in PostgreSQL's default schema.
         */
        public Options withPostgresSchema(String value) {
            return new Options(lockTimeout, sqliteMaxBytes, PostgresSchema.checked(value));
        }
    }

    private final Jdbi writer;
    private final Jdbi reader;
    private final Dialect dialect;
    private final TenantGate writers;
    private final boolean readsShareTheWriter;
    /** SQLite file: queued writers committed together; null elsewhere. */
    private final GroupCommit groups;
    /** This store's write transactions begun (counted for the SQLite file's commit watch). */
    private final AtomicLong ownWrites = new AtomicLong();
    private final Options options;
    /** PostgreSQL: the statement that names the store's schema in a transaction; null on SQLite. */
    private final String searchPath;
    private final List<AutoCloseable> owned;
    private final DataSource dataSource;
    /** The outbox's work of the service's own, across tenants. */
    private final AcrossTenants acrossTenants;
    /** Rows of inbox pages, checked by version on every read (see RowCache). */
    private final RowCache rows = new RowCache();
    /** Tenants' row keys as found, and a write's lock on its tenant. */
    private final TenantKeys tenantKeys;
    /** A SQLite file store's file, checked at every call (deleted or replaced under it: every call fails). */
    private final FileWatch watch;
    /** PostgreSQL: the planner's statistics kept current (null on SQLite, whose checkpointer does it). */
    private final PostgresStatistics statistics;
    /** PostgreSQL: reads ended after their answers (null on SQLite, whose reads cost no round trip). */
    private final ReadEndings endings;

    private JdbiStore(Jdbi writer, Jdbi reader, Dialect dialect, boolean singleWriter, boolean readsShareTheWriter,
            Options options, List<AutoCloseable> owned, DataSource dataSource, FileWatch watch) {
        this.writer = configure(writer, dialect);
        this.reader = reader == writer ? this.writer : configure(reader, dialect);
        this.dialect = dialect;
        this.tenantKeys = new TenantKeys(dialect);
        // two writers of a tenant at once where a stuck tenant would still leave most of the pool to the others
        this.writers = new TenantGate(singleWriter,
                dataSource instanceof HikariDataSource pool && pool.getMaximumPoolSize() >= 8 ? 2 : 1,
                options.lockTimeout());
        this.readsShareTheWriter = readsShareTheWriter;
        // a store whose reads share the writer's connection must never leave a transaction open
        this.groups = singleWriter && !readsShareTheWriter ? new GroupCommit(writers, this.writer, StoreOpening.discarding(dataSource))
                : null;
        this.options = options;
        this.searchPath = dialect == Dialect.POSTGRESQL ? PostgresSchema.searchPath(options.postgresSchema()) : null;
        this.owned = owned;
        this.dataSource = dataSource;
        this.watch = watch;
        this.statistics = dialect == Dialect.POSTGRESQL ? new PostgresStatistics(dataSource, options.postgresSchema())
                : null;
        // as many endings at once as the pool has connections to end (a pool of unknown size: 8)
        this.endings = dialect == Dialect.POSTGRESQL ? new ReadEndings(
                dataSource instanceof HikariDataSource pool ? pool.getMaximumPoolSize() : 8) : null;
        this.acrossTenants = new AcrossTenants(this.writer, this.reader, dialect == Dialect.SQLITE, searchPath,
                watch::ensure, ownWrites, writers, this::flushGroup);
    }

    private static Jdbi configure(Jdbi jdbi, Dialect dialect) {
        SettingsSql.install(jdbi);
        if (dialect == Dialect.SQLITE) {
            jdbi.setStatementBuilderFactory(connection -> new CachingStatementBuilder());
        }
        return jdbi;
    }

    /** A SQLite file store, created and migrated if needed. Closing the store closes its pools. */
    public static JdbiStore sqlite(Path file) {
        return sqlite(file, Options.defaults());
    }

    /** A SQLite file store with {@code options}. */
    public static JdbiStore sqlite(Path file, Options options) {
        Path path = file.toAbsolutePath();
        StoreOpening.checkWritable(path);
        String url = "jdbc:sqlite:" + path;
        StoreOpening.opening(path.toString(), () -> StoreOpening.migrate(StoreOpening.sqliteSource(url, false), Dialect.SQLITE, null));
        // two: the group commit keeps one between writes (GroupCommit), and the work that takes the
        // writer itself (claims, ANALYZE), which has it give its handle back first, still finds one
        HikariDataSource writes = StoreOpening.pool("messaging-sqlite-writer",
                StoreOpening.sqliteSource(url, false, options.sqliteMaxBytes()), 2, false);
        HikariDataSource reads = StoreOpening.pool("messaging-sqlite-reader", StoreOpening.sqliteSource(url, true), SQLITE_READERS, true);
        FileWatch watch = FileWatch.of(path);
        WalCheckpointer checkpoints = new WalCheckpointer(StoreOpening.sqliteSource(url, false),
                path.getFileName().toString(), () -> StoreOpening.replanAll(List.of(reads, writes)), watch);
        LOG.info("messaging store opened: SQLite file {}", path);
        return new JdbiStore(Jdbi.create(writes), Jdbi.create(reads), Dialect.SQLITE, true, false, options,
                List.of(checkpoints, reads, writes), writes, watch);
    }

    /** A SQLite database in memory, on one shared connection: for tests and throwaway use. */
    public static JdbiStore sqliteInMemory() {
        Connection connection;
        try {
            connection = StoreOpening.sqliteSource("jdbc:sqlite::memory:", false).getConnection();
        } catch (SQLException e) {
            throw Failures.translate("opening an in-memory SQLite database", e);
        }
        StoreOpening.opening(":memory:", () -> StoreOpening.migrate(StoreOpening.unclosable(connection), Dialect.SQLITE, null));
        Jdbi jdbi = Jdbi.create(new ConnectionFactory() {
            @Override
            public Connection openConnection() {
                return connection;
            }

            @Override
            public void closeConnection(Connection toClose) {
                // the one connection is the database: it lives as long as the store
            }
        });
        return new JdbiStore(jdbi, jdbi, Dialect.SQLITE, true, true, Options.defaults(), List.of(connection), null,
                FileWatch.NONE);
    }

    /**
     * A store on the caller's data source (PostgreSQL, or SQLite), migrated on start. The data
     * source stays the caller's: closing the store does not close it.
     */
    public static JdbiStore create(DataSource dataSource) {
        return create(dataSource, Options.defaults());
    }

    /** A store on the caller's data source with {@code options}. */
    public static JdbiStore create(DataSource dataSource, Options options) {
        Dialect dialect = StoreOpening.opening("the data source", () -> StoreOpening.dialectOf(dataSource));
        boolean sqlite = dialect == Dialect.SQLITE;
        Options resolved = sqlite ? options : options.withPostgresSchema(StoreOpening.opening("the data source",
                () -> PostgresSchema.resolve(dataSource, options.postgresSchema())));
        StoreOpening.opening("the data source", () -> StoreOpening.migrate(dataSource, dialect,
                resolved.postgresSchema()));
        Jdbi jdbi = Jdbi.create(dataSource);
        if (sqlite) {
            LOG.info("messaging store opened: {} through the caller's data source", dialect);
        } else {
            LOG.info("messaging store opened: {} through the caller's data source, schema {}", dialect,
                    resolved.postgresSchema());
        }
        JdbiStore store = new JdbiStore(jdbi, jdbi, dialect, sqlite, false, resolved, new ArrayList<>(), dataSource,
                FileWatch.NONE);
        if (store.statistics != null) {
            store.statistics.refreshStale(); // a database just migrated or bulk-imported: planned right from the start
        }
        return store;
    }

    @Override
    public <T> T inTransaction(Tenant tenant, Function<StoreTransaction, T> work) {
        try {
            return write(tenant, work);
        } finally {
            ownWrites.incrementAndGet(); // failed ones too: the watch then only waits a little longer
            if (statistics != null) {
                statistics.wrote();
            }
        }
    }

    private <T> T write(Tenant tenant, Function<StoreTransaction, T> work) {
        watch.ensure();
        if (groups != null) {
            try {
                Done<T> committed = groups.write(h -> transact(h, tenant, work, null));
                watch.ensure(); // a write into a file deleted meanwhile is not acknowledged
                committed.tx().committed();
                return committed.result();
            } catch (RuntimeException e) {
                throw Failures.isStorageFailure(e) ? Failures.translate("a write", e) : e;
            }
        }
        writers.acquire(tenant);
        try {
            return Handles.withHandle(writer, "a write", h -> {
                Handles.begin(h, "a write");
                T result;
                try {
                    // PostgreSQL: transaction-scoped (nothing to restore after COMMIT), and sent with the
                    // tenant's lock in one round trip (on its own it cost one more: RoundTripsTest)
                    String first = dialect == Dialect.POSTGRESQL
                            ? "SET LOCAL lock_timeout = " + options.lockTimeout().toMillis() + ";\n" + searchPath
                            : null;
                    result = transact(h, tenant, work, first).result();
                } catch (RuntimeException | Error e) {
                    Handles.rollbackQuietly(h, e);
                    if (Failures.isStorageFailure(e)) {
                        throw Failures.translate("a write", e);
                    }
                    throw e;
                }
                try {
                    h.commit();
                } catch (RuntimeException e) {
                    throw Failures.commitOutcomeUnknown(e);
                }
                return result;
            });
        } finally {
            writers.release(tenant);
        }
    }

    /** A write's result and the transaction that made it. */
    private record Done<T>(T result, JdbiTransaction tx) {
    }

    /**
     * {@code work} in the open transaction of {@code h}, with the tenant's lock and its feed head
     * kept; {@code first} (null: none) is sent ahead of the lock, in its round trip.
     */
    private <T> Done<T> transact(Handle h, Tenant tenant, Function<StoreTransaction, T> work, String first) {
        JdbiTransaction tx = transaction(h, tenant, first);
        T result = work.apply(tx);
        tx.finish();
        return new Done<>(result, tx);
    }

    /**
     * A write transaction in the open transaction of {@code h}, the tenant locked. With group
     * commit (SQLite's single writer) it takes its conversations from the row cache by version
     * and puts what it wrote there once committed; elsewhere it reads them.
     */
    private JdbiTransaction transaction(Handle h, Tenant tenant, String first) {
        Long known = tenantKeys.known(tenant);
        if (known != null && first != null) {
            // PostgreSQL, a tenant seen before: the settings and the lock go with the first read
            JdbiTransaction tx = new JdbiTransaction(h, dialect, tenant, known, JdbiTransaction.HEAD_NOT_READ, true, null);
            tx.runFirst(first);
            tx.lockWithFirstRead(TenantKeys.LOCK_AFTER);
            return tx;
        }
        long[] keyAndHead = tenantKeys.lock(h, tenant, first);
        return new JdbiTransaction(h, dialect, tenant, keyAndHead[0], keyAndHead[1], true, groups != null ? rows : null);
    }

    @Override
    public <T> T read(Tenant tenant, Function<StoreTransaction, T> work) {
        watch.ensure();
        return read(tenant, work, rows);
    }

    @Override
    public <T> T readFromStorage(Tenant tenant, Function<StoreTransaction, T> work) {
        watch.ensure();
        return read(tenant, work, null);
    }

    /** Tries of a read whose connection was lost: a pool may hand out several dead ones in a row. */
    private static final int READ_TRIES = 3;

    /**
     * A read-only transaction whose pages take unchanged rows from {@code cache} (null: none). A
     * read whose connection was lost (the server restarted, or ended the backend) is run again on
     * another connection, up to {@value #READ_TRIES} tries in all: it wrote nothing, and the pool
     * drops a broken connection, so the caller sees a failure only when the database stays away.
     */
    private <T> T read(Tenant tenant, Function<StoreTransaction, T> work, RowCache cache) {
        for (int attempt = 1; ; attempt++) {
            try {
                return readOnce(tenant, work, cache);
            } catch (StorageException e) {
                if (attempt == READ_TRIES || !Failures.isConnectionLost(e)) {
                    throw e;
                }
                LOG.debug("messaging: a read lost its connection; trying again on another", e);
            }
        }
    }

    private <T> T readOnce(Tenant tenant, Function<StoreTransaction, T> work, RowCache cache) {
        if (readsShareTheWriter) {
            writers.acquireAll();
        }
        try {
            Function<Handle, T> read = h -> readIn(h, tenant, work, cache);
            return endings != null ? Handles.readEndedAfter(reader, "a read", endings, read)
                    : Handles.withHandle(reader, "a read", handle -> Handles.inTransaction(handle, "a read", false, read));
        } finally {
            if (readsShareTheWriter) {
                writers.releaseAll();
            }
        }
    }


    /** A read transaction's work in the open transaction of {@code h}. */
    private <T> T readIn(Handle h, Tenant tenant, Function<StoreTransaction, T> work, RowCache cache) {
        // one snapshot for the whole read, set inside the transaction (nothing to
        // restore after it ends) and sent with its first statement where it can be
        String isolation = dialect == Dialect.POSTGRESQL
                ? "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ;\n" + searchPath : null;
        Long known = tenantKeys.known(tenant);
        long[] keyAndHead = {known == null ? -1 : known, JdbiTransaction.HEAD_NOT_READ};
        if (known == null) {
            if (isolation != null) {
                h.execute(isolation);
                isolation = null;
            }
            keyAndHead = tenantKeys.read(h, tenant);
        }
        JdbiTransaction transaction = new JdbiTransaction(h, dialect, tenant, keyAndHead[0], keyAndHead[1],
                false, cache);
        if (isolation != null) {
            transaction.runFirst(isolation);
        }
        return work.apply(transaction);
    }

    /**
     * Claims due deliveries across tenants: picked in due order (on PostgreSQL {@code FOR UPDATE
     * SKIP LOCKED}, so that instances claiming at once take different ones; on SQLite under the
     * single writer), then leased in the same transaction.
     */
    @Override
    public List<Delivery> claimDeliveries(DeliveryChannel channel, Instant now, int limit, String claimer,
            Instant leaseUntil) {
        return acrossTenants.writeNaming("a claim", (h, path) -> path != null
                ? DeliveryClaims.claim(h, path, channel, now, limit, claimer, leaseUntil)
                : DeliveryClaims.claim(h, dialect, channel, now, limit, claimer, leaseUntil,
                        key -> acrossTenants.tenantOfKey(h, key)));
    }

    @Override
    public List<WaitingDeliveries> waitingDeliveries(Instant now) {
        return acrossTenants.read("counting waiting deliveries", h -> DeliveryClaims.waiting(h, now));
    }

    @Override
    public List<Tenant> tenantsWithProviderId(String providerMessageId) {
        return acrossTenants.read("finding a provider id's tenant", h -> h.createQuery(
                "SELECT DISTINCT d.tenant FROM delivery d WHERE d.provider_message_id = :id")
                .bind("id", providerMessageId).mapTo(Long.class).list().stream()
                .map(key -> acrossTenants.tenantOfKey(h, key)).toList());
    }

    @Override
    public boolean keepEarlyReport(EarlyReport report, int max, Instant expiredBefore) {
        return acrossTenants.write("keeping an early report", h -> EarlyReportRows.keep(h, report, max, expiredBefore));
    }

    /**
     * Listens for the commits of other instances: on PostgreSQL by LISTEN (one connection of the
     * data source while it runs), on a SQLite file opened by {@link #sqlite(Path)} by watching the
     * file's data version (one read-only connection of its own; another process's commit is noticed
     * within about 50 ms). A SQLite database in memory or on the caller's data source has no other
     * writer to notice.
     */
    @Override
    public AutoCloseable listen(CommitListener committedElsewhere) {
        if (dialect == Dialect.POSTGRESQL) {
            return new ChangeListening(dataSource, committedElsewhere);
        }
        if (watch.path() != null) {
            return new SqliteCommitWatch(StoreOpening.sqliteSource("jdbc:sqlite:" + watch.path(), true),
                    watch.path().getFileName().toString(), ownWrites::get, committedElsewhere);
        }
        return () -> { };
    }

    /**
     * Refreshes the query planner's statistics (ANALYZE); worth running after a bulk load. The
     * pools' connections are replaced as they come free, so that every plan from then on uses the
     * new statistics (a SQLite connection keeps the statistics it read first). Takes every tenant's
     * write lock while it runs: seconds on a large database.
     */
    public void analyze() {
        writers.acquireAll();
        try {
            flushGroup();
            Handles.withHandle(writer, "ANALYZE", h -> {
                if (dialect == Dialect.SQLITE) {
                    try (Statement s = h.getConnection().createStatement()) {
                        PlannerStatistics.analyze(s, "ANALYZE");
                    } catch (SQLException e) {
                        throw Failures.translate("ANALYZE", e);
                    }
                } else {
                    h.execute("ANALYZE");
                }
                return null;
            });
            StoreOpening.replanAll(pools());
        } finally {
            writers.releaseAll();
        }
    }

    /**
     * Has {@code pools} replace their connections as they come free: a SQLite connection plans
     * with the statistics it read when it first read the schema, and an analysis on another
     * connection does not make it read them again ({@code SqliteStatisticsTest}).
     */
    /** Commits writes left open for a group before work that takes the writer's connection itself (gate held). */
    private void flushGroup() {
        if (groups != null) {
            groups.flush();
        }
    }

    /** SQLite file: commits of the single writer so far and the writes they held (tests). */
    long[] groupCommits() {
        return groups.commitsAndWrites();
    }

    Dialect dialect() {
        return dialect;
    }

    /** The pools this store opened itself (tests retire their connections). */
    List<HikariDataSource> pools() {
        return owned.stream().filter(HikariDataSource.class::isInstance).map(HikariDataSource.class::cast).toList();
    }

    /** The Jdbi that writes (tests inspect its connections and statements). */
    Jdbi writer() {
        return writer;
    }

    /** The Jdbi that reads. */
    Jdbi reader() {
        return reader;
    }

    @Override
    public void close() {
        StorageException failure = null;
        if (statistics != null) {
            statistics.close();
        }
        if (endings != null) {
            endings.close(); // every read's connection given back before the pool closes
        }
        if (groups != null) {
            try {
                writers.acquireAll();
                try {
                    groups.flush(); // gives the kept writer handle back, so that its pool closes at once
                } finally {
                    writers.releaseAll();
                }
            } catch (StorageException e) {
                // a write held the writer past the lock timeout: its pool is closed under it, as before
            }
        }
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new StorageException("closing the store failed", e, false);
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
