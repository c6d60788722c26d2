package dev.messaging.jmh;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.messaging.jdbi.JdbiStore;
import dev.messaging.memory.InMemoryStore;
import dev.messaging.spi.Store;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The stores the benchmarks run on, each with the benchmark data loaded. SQLite data is built
 * once per parameter set and cached as a file ({@code -Dbench.data=DIR}, default
 * {@code target/bench-data}); a trial that writes gets its own copy of it.
 */
public enum StoreKind {
    MEMORY {
        @Override
        Store open(DataSet data, boolean writes) {
            InMemoryStore store = new InMemoryStore();
            data.load(store, DataSet.Progress.toStdout("memory " + data.messages));
            return store;
        }
    },
    SQLITE {
        @Override
        Store open(DataSet data, boolean writes) {
            Path file = cachedSqlite(data);
            if (writes) {
                file = copyOf(file);
            }
            return JdbiStore.sqlite(file);
        }
    },
    /**
     * SQLite with the data set grown through the API ({@link DataSet#grow}), statistics only as the
     * store keeps them itself ({@code PRAGMA optimize} at open and hourly).
     */
    SQLITE_GROWN {
        @Override
        Store open(DataSet data, boolean writes) {
            Path file = cachedSqlite("grown-" + data.messages + "-" + data.users + "-s" + DataSet.SEED + ".db",
                    store -> data.grow(store, DataSet.Progress.toStdout("grown " + data.messages)));
            return JdbiStore.sqlite(writes ? copyOf(file) : file);
        }
    },
    POSTGRES {
        @Override
        Store open(DataSet data, boolean writes) {
            JdbiStore store = JdbiStore.create(pool(newDatabase(), 4));
            data.load(store, DataSet.Progress.toStdout("postgres " + data.messages));
            store.analyze();
            return store;
        }

        @Override
        Store empty() {
            return JdbiStore.create(pool(newDatabase(), 4));
        }
    };

    private static EmbeddedPostgres postgres;
    private static int databases;

    /** A new database on the one embedded server of this JVM (started on first use, stopped at exit). */
    static synchronized String newDatabase() {
        try {
            if (postgres == null) {
                EmbeddedPostgres server = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        // exiting anyway
                    }
                }));
                postgres = server;
            }
            String name = "bench_" + ++databases;
            try (Connection c = postgres.getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            return name;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL", e);
        }
    }

    /**
     * A pool of {@code size} on a database of the embedded server, as a service would have one (the
     * server's plain data source opens a connection per call); each pool is one "instance".
     */
    static synchronized DataSource pool(String database, int size) {
        return pool(database, size, postgres.getPort());
    }

    /** {@link #pool(String, int)} through {@code port} (a proxy's) instead of the server's own. */
    static synchronized DataSource pool(String database, int size, int port) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://localhost:" + port + "/" + database + "?user=postgres");
        config.setMaximumPoolSize(size);
        HikariDataSource dataSource = new HikariDataSource(config);
        Runtime.getRuntime().addShutdownHook(new Thread(dataSource::close));
        return dataSource;
    }

    /** The embedded server's port (started by {@link #newDatabase}). */
    static synchronized int serverPort() {
        return postgres.getPort();
    }

    abstract Store open(DataSet data, boolean writes);

    /** An empty store of this kind, for a benchmark that writes its own data. */
    Store empty() {
        return this == MEMORY ? new InMemoryStore() : JdbiStore.sqlite(copyOf(null));
    }

    static Path dataDir() {
        return Path.of(System.getProperty("bench.data", "target/bench-data"));
    }

    /** The SQLite file of {@code data}, built on first use (atomically, so an interrupted build is not cached). */
    static Path cachedSqlite(DataSet data) {
        return cachedSqlite("sqlite-" + data.messages + "-" + data.users + "-s" + DataSet.SEED + ".db", store -> {
            data.load(store, DataSet.Progress.toStdout("sqlite " + data.messages));
            store.analyze();
        });
    }

    /**
     * The SQLite file {@code name} in the data directory, built by {@code build} on first use in a
     * directory of its own and moved into place when whole, so that an interrupted build is not cached.
     */
    static synchronized Path cachedSqlite(String name, Consumer<JdbiStore> build) {
        Path file = dataDir().resolve(name);
        if (Files.exists(file)) {
            return file;
        }
        try {
            Files.createDirectories(file.getParent());
            Path building = Files.createTempDirectory(file.getParent(), "building").resolve("data.db");
            try (JdbiStore store = JdbiStore.sqlite(building)) {
                build.accept(store);
            }
            Files.move(building, file, StandardCopyOption.ATOMIC_MOVE);
            try {
                Files.delete(building.getParent()); // empty once the store has removed its -wal and -shm at close
            } catch (DirectoryNotEmptyException leftOver) {
                // harmless: the file is in place; the directory stays
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of {@code file} (null: a new file's path) in a directory of its own, deleted at exit. */
    static Path copyOf(Path file) {
        try {
            Path copy = Files.createTempDirectory(Files.createDirectories(dataDir()), "trial").resolve("data.db");
            if (file != null) {
                Files.copy(file, copy);
            }
            copy.getParent().toFile().deleteOnExit();
            copy.toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
