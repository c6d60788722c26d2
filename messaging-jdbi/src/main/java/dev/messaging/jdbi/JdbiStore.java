package dev.messaging.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.messaging.common.Tenant;
import dev.messaging.spi.Store;
import dev.messaging.spi.StoreTransaction;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The JDBC store, through Jdbi: SQLite (the embedded default) or PostgreSQL (for services that
 * run several instances). The schema migrates itself on start with Flyway (its history table is
 * {@code messaging_schema_history}; on PostgreSQL Flyway's advisory lock makes instances that
 * start at once migrate once).
 *
 * <p>SQLite: one writer connection (WAL, synchronous=NORMAL, foreign keys on, busy timeout, every
 * write in a {@code BEGIN IMMEDIATE} transaction) behind a fair lock, so no SQLITE_BUSY reaches a
 * caller, and a pool of read-only connections that never block the writer. An in-memory SQLite
 * database is one shared connection for everything (each new connection to {@code :memory:} would
 * open its own empty database). PostgreSQL: the caller's pool; a write transaction first locks its
 * tenant's row, so one tenant's writers run one at a time across instances; reads run in
 * REPEATABLE READ so that one call sees one snapshot.
 */
public final class JdbiStore implements Store {
    /** Read connections of a SQLite file store. */
    public static final int SQLITE_READERS = 4;
    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(JdbiStore.class);
    private static final String TENANT =
            "SELECT id, feed_head FROM tenant WHERE company_id = :company AND location_id = :location";

    private final Jdbi writer;
    private final Jdbi reader;
    private final Dialect dialect;
    private final ReentrantLock writeLock;
    private final boolean readsTakeWriteLock;
    private final List<AutoCloseable> owned;

    private JdbiStore(Jdbi writer, Jdbi reader, Dialect dialect, boolean singleWriter, boolean readsTakeWriteLock,
            List<AutoCloseable> owned) {
        this.writer = configure(writer, dialect);
        this.reader = reader == writer ? this.writer : configure(reader, dialect);
        this.dialect = dialect;
        this.writeLock = singleWriter ? new ReentrantLock(true) : null;
        this.readsTakeWriteLock = readsTakeWriteLock;
        this.owned = owned;
    }

    private static Jdbi configure(Jdbi jdbi, Dialect dialect) {
        if (dialect == Dialect.SQLITE) {
            jdbi.setStatementBuilderFactory(CachingStatementBuilder::new);
        }
        return jdbi;
    }

    /** A SQLite file store, created and migrated if needed. Closing the store closes its pools. */
    public static JdbiStore sqlite(Path file) {
        String url = "jdbc:sqlite:" + file.toAbsolutePath();
        migrate(sqliteSource(url, false), Dialect.SQLITE);
        HikariDataSource writes = pool("messaging-sqlite-writer", sqliteSource(url, false), 1, false);
        HikariDataSource reads = pool("messaging-sqlite-reader", sqliteSource(url, true), SQLITE_READERS, true);
        LOG.info("messaging store opened: SQLite file {}", file.toAbsolutePath());
        return new JdbiStore(Jdbi.create(writes), Jdbi.create(reads), Dialect.SQLITE, true, false,
                List.of(reads, writes));
    }

    /** A SQLite database in memory, on one shared connection: for tests and throwaway use. */
    public static JdbiStore sqliteInMemory() {
        Connection connection;
        try {
            connection = sqliteSource("jdbc:sqlite::memory:", false).getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open an in-memory SQLite database", e);
        }
        migrate(unclosable(connection), Dialect.SQLITE);
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
        return new JdbiStore(jdbi, jdbi, Dialect.SQLITE, true, true, List.of(connection));
    }

    /**
     * A store on the caller's data source (PostgreSQL, or SQLite), migrated on start. The data
     * source stays the caller's: closing the store does not close it.
     */
    public static JdbiStore create(DataSource dataSource) {
        Dialect dialect = dialectOf(dataSource);
        migrate(dataSource, dialect);
        Jdbi jdbi = Jdbi.create(dataSource);
        boolean sqlite = dialect == Dialect.SQLITE;
        LOG.info("messaging store opened: {} through the caller's data source", dialect);
        return new JdbiStore(jdbi, jdbi, dialect, sqlite, false, new ArrayList<>());
    }

    private static Dialect dialectOf(DataSource dataSource) {
        try (Connection c = dataSource.getConnection()) {
            String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("sqlite")) {
                return Dialect.SQLITE;
            }
            if (product.contains("postgres")) {
                return Dialect.POSTGRESQL;
            }
            throw new IllegalArgumentException("unsupported database: " + product + " (SQLite or PostgreSQL)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the data source", e);
        }
    }

    static void migrate(DataSource dataSource, Dialect dialect) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrations())
                .javaMigrations(new SearchIndexMigration("4", "search index"))
                .table("messaging_schema_history")
                .loggers("slf4j")
                .load()
                .migrate();
    }

    /**
     * The SQLite settings, set through the driver's configuration (an init SQL of several
     * statements would run only its first): WAL, synchronous=NORMAL, foreign keys, busy timeout;
     * writers begin IMMEDIATE, readers are read-only.
     */
    static SQLiteDataSource sqliteSource(String url, boolean readOnly) {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        // a page cache (64 MiB) and memory map (256 MiB) per connection large enough for the hot
        // indexes of a million messages; the defaults (2 MiB, none) make SQLite re-read pages
        config.setCacheSize(-64 * 1024);
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(256L * 1024 * 1024));
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        if (readOnly) {
            config.setReadOnly(true);
        } else {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(url);
        return source;
    }

    private static HikariDataSource pool(String name, DataSource source, int size, boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setReadOnly(readOnly); // the driver refuses to change the flag it opened with
        config.setPoolName(name);
        config.setDataSource(source);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    /** A data source handing out {@code connection} with close() a no-op (for Flyway on the shared in-memory connection). */
    private static DataSource unclosable(Connection connection) {
        Connection proxy = (Connection) Proxy.newProxyInstance(JdbiStore.class.getClassLoader(),
                new Class<?>[] {Connection.class}, (p, method, args) -> {
                    if (method.getName().equals("close")) {
                        return null;
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        SQLiteDataSource base = new SQLiteDataSource();
        return (DataSource) Proxy.newProxyInstance(JdbiStore.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (p, method, args) -> method.getName().equals("getConnection") ? proxy : method.invoke(base, args));
    }

    @Override
    public <T> T inTransaction(Tenant tenant, Function<StoreTransaction, T> work) {
        if (writeLock != null) {
            writeLock.lock();
        }
        try {
            return writer.inTransaction(h -> {
                long[] keyAndHead = lockTenant(h, tenant);
                JdbiTransaction tx = new JdbiTransaction(h, dialect, tenant, keyAndHead[0], keyAndHead[1], true);
                T result = work.apply(tx);
                tx.saveFeedHead();
                return result;
            });
        } finally {
            if (writeLock != null) {
                writeLock.unlock();
            }
        }
    }

    /**
     * Takes the tenant's write lock; returns its key and feed head. A tenant's row is created by its
     * first write (and is gone again if that write rolls back).
     */
    private long[] lockTenant(Handle h, Tenant tenant) {
        Optional<long[]> locked = tenantRow(h, dialect.lockTenant(), tenant);
        if (locked.isPresent()) {
            return locked.get();
        }
        h.createUpdate("""
                INSERT INTO tenant (company_id, location_id, feed_head) VALUES (:company, :location, 0)
                ON CONFLICT (company_id, location_id) DO NOTHING""")
                .bind("company", tenant.companyId()).bind("location", tenant.locationId()).execute();
        return tenantRow(h, dialect.lockTenant(), tenant).orElseThrow();
    }

    private static Optional<long[]> tenantRow(Handle h, String select, Tenant tenant) {
        return h.createQuery(select).bind("company", tenant.companyId()).bind("location", tenant.locationId())
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)}).findOne();
    }

    @Override
    public <T> T read(Tenant tenant, Function<StoreTransaction, T> work) {
        if (readsTakeWriteLock) {
            writeLock.lock();
        }
        try {
            return reader.inTransaction(h -> {
                if (dialect == Dialect.POSTGRESQL) {
                    // set inside the transaction: nothing to restore after it ends
                    h.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
                }
                Optional<long[]> keyAndHead = tenantRow(h, TENANT, tenant);
                long key = keyAndHead.map(k -> k[0]).orElse(-1L);
                long head = keyAndHead.map(k -> k[1]).orElse(0L);
                return work.apply(new JdbiTransaction(h, dialect, tenant, key, head, false));
            });
        } finally {
            if (readsTakeWriteLock) {
                writeLock.unlock();
            }
        }
    }

    /** Refreshes the query planner's statistics (ANALYZE); worth running after a bulk load. */
    public void analyze() {
        if (writeLock != null) {
            writeLock.lock();
        }
        try {
            writer.useHandle(h -> h.execute("ANALYZE"));
        } finally {
            if (writeLock != null) {
                writeLock.unlock();
            }
        }
    }

    Dialect dialect() {
        return dialect;
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
        RuntimeException failure = null;
        for (AutoCloseable resource : owned) {
            try {
                resource.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = new IllegalStateException("closing the store failed", e);
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
