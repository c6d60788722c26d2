package dev.messaging.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.messaging.error.StorageException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Opening a store, apart from running it: the checks of a SQLite path, the driver settings of
 * SQLite connections and their pools, the dialect of a caller's data source, and the migration
 * (refusing a database a newer library migrated, and one that takes no writes). Every failure
 * while opening is a {@link StorageException} naming what was being opened.
 */
final class StoreOpening {
    static final int BUSY_TIMEOUT_MILLIS = 10_000;
    /** The newest schema version this library writes (its last migration). */
    static final MigrationVersion SCHEMA_VERSION = MigrationVersion.fromVersion("16");

    /** Runs an opening step; a failure becomes a {@link StorageException} naming {@code what}. */
    static <T> T opening(String what, ThrowingSupplier<T> step) {
        try {
            return step.get();
        } catch (Exception e) {
            throw new StorageException("cannot open the store on " + what + ": " + e.getMessage(), e, false);
        }
    }

    interface ThrowingSupplier<T> {
        T get() throws Exception;
    }

    static Dialect dialectOf(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return Dialect.of(c);
        }
    }

    /**
     * Migrates to {@link #SCHEMA_VERSION} (on PostgreSQL in {@code schema}, created if missing),
     * after refusing a database a newer library migrated; then checks that the database takes
     * writes (a read-only one is refused here, not at the first write).
     */
    static Void migrate(DataSource dataSource, Dialect dialect, String schema) throws SQLException {
        FluentConfiguration configuration = Flyway.configure();
        if (schema != null) { // PostgreSQL: the store's own schema, created if missing
            configuration.schemas(schema).defaultSchema(schema).createSchemas(true);
        }
        Flyway flyway = configuration
                .dataSource(dataSource)
                .locations(dialect.migrations())
                .javaMigrations(new SearchIndexMigration("4", "search index"), new CompactDocumentsMigration(),
                        new RowKeysMigration(), new LastMessageActionsMigration())
                .table("messaging_schema_history")
                .loggers("slf4j")
                .load();
        MigrationInfo current = flyway.info().current();
        if (current != null && current.getVersion() != null && current.getVersion().isNewerThan(SCHEMA_VERSION.getVersion())) {
            throw new StorageException("the database's schema is at version " + current.getVersion()
                    + ", newer than this library's version " + SCHEMA_VERSION + ": use a newer library", null, false);
        }
        flyway.migrate();
        try (Connection c = dataSource.getConnection(); var probe = c.createStatement()) {
            if (c.isReadOnly()) {
                throw new StorageException("the connection is read-only (the store has no read-only mode)", null, false);
            }
            if (dialect == Dialect.SQLITE) {
                // a real write, rolled back: a file SQLite cannot write fails here, not at the first call
                probe.execute("BEGIN IMMEDIATE");
                try {
                    probe.execute("INSERT INTO tenant (company_id, location_id, feed_head) VALUES ('', '', 0)");
                } finally {
                    probe.execute("ROLLBACK");
                }
                PlannerStatistics.dropSamples(probe);
            }
        }
        return null;
    }

    /** Refuses a path the store could not write: a directory, a missing directory, a read-only file or directory. */
    static void checkWritable(Path path) {
        String problem = null;
        Path directory = path.getParent();
        if (Files.isDirectory(path)) {
            problem = "is a directory";
        } else if (directory == null || !Files.isDirectory(directory)) {
            problem = "is in a directory that does not exist";
        } else if (Files.exists(path) && !Files.isWritable(path)) {
            problem = "is read-only (the store has no read-only mode)";
        } else if (!Files.isWritable(directory)) {
            problem = "is in a read-only directory (SQLite writes its WAL beside the file)";
        }
        if (problem != null) {
            throw new StorageException("cannot open the SQLite store " + path + ": it " + problem, null, false);
        }
    }

    /**
     * The SQLite settings, set through the driver's configuration (an init SQL of several
     * statements would run only its first): WAL, synchronous=NORMAL, foreign keys, busy timeout, no
     * generated keys; writers begin IMMEDIATE, readers are read-only. Connections carry a {@link StatementCache}.
     */
    static DataSource sqliteSource(String url, boolean readOnly) {
        return sqliteSource(url, readOnly, 0);
    }

    /** {@link #sqliteSource(String, boolean)} with the database file capped at {@code maxBytes} (0: no cap). */
    static DataSource sqliteSource(String url, boolean readOnly, long maxBytes) {
        SQLiteConfig config = new SQLiteConfig();
        if (maxBytes > 0) {
            // in pages of SQLite's default size (the store never changes it)
            config.setMaxPageCount((int) Math.max(1, Math.min(Integer.MAX_VALUE, maxBytes / 4096)));
        }
        config.enforceForeignKeys(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        // a page cache (64 MiB) and memory map (256 MiB) per connection large enough for the hot
        // indexes of a million messages; the defaults (2 MiB, none) make SQLite re-read pages
        config.setCacheSize(-64 * 1024);
        config.setPragma(SQLiteConfig.Pragma.MMAP_SIZE, String.valueOf(256L * 1024 * 1024));
        config.setTempStore(SQLiteConfig.TempStore.MEMORY);
        // the driver's default runs "SELECT last_insert_rowid()" after every INSERT (a regex and a
        // statement prepared each time) for getGeneratedKeys, which the store never calls
        config.setGetGeneratedKeys(false);
        if (readOnly) {
            config.setReadOnly(true);
        } else {
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
        }
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl(url);
        return StatementCache.caching(source);
    }

    static HikariDataSource pool(String name, DataSource source, int size, boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setReadOnly(readOnly); // the driver refuses to change the flag it opened with
        config.setPoolName(name);
        config.setDataSource(source);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        if (!readOnly) {
            // the writer leaves checkpoints to the WalCheckpointer, up to a backstop
            config.setConnectionInitSql("PRAGMA wal_autocheckpoint = " + WalCheckpointer.WRITER_BACKSTOP_PAGES);
        }
        return new HikariDataSource(config);
    }

    /** A data source handing out {@code connection} with close() a no-op (for Flyway on the shared in-memory connection). */
    static DataSource unclosable(Connection connection) {
        Connection proxy = (Connection) Proxy.newProxyInstance(StoreOpening.class.getClassLoader(),
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
        return (DataSource) Proxy.newProxyInstance(StoreOpening.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (p, method, args) -> method.getName().equals("getConnection") ? proxy : method.invoke(base, args));
    }

    /** How a connection of {@code source} is taken out of its pool for good (a pool of ours evicts it). */
    static Consumer<Connection> discarding(DataSource source) {
        if (source instanceof HikariDataSource pool) {
            return connection -> pool.evictConnection(connection);
        }
        return connection -> { };
    }

    /** Has every pool replace its connections as they come free (so that they plan with fresh statistics). */
    static void replanAll(List<HikariDataSource> pools) {
        for (HikariDataSource pool : pools) {
            if (pool.getHikariPoolMXBean() != null) {
                pool.getHikariPoolMXBean().softEvictConnections();
            }
        }
    }

    private StoreOpening() {
    }
}
