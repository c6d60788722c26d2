package dev.messaging.jmh;

import dev.messaging.jdbi.JdbiStore;
import dev.messaging.memory.InMemoryStore;
import dev.messaging.spi.Store;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
    POSTGRES {
        @Override
        Store open(DataSet data, boolean writes) {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException e) {
                        // exiting anyway
                    }
                }));
                // a pool, as a service would have: the server's plain data source opens a connection per call
                com.zaxxer.hikari.HikariConfig pool = new com.zaxxer.hikari.HikariConfig();
                pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
                pool.setMaximumPoolSize(4);
                com.zaxxer.hikari.HikariDataSource dataSource = new com.zaxxer.hikari.HikariDataSource(pool);
                Runtime.getRuntime().addShutdownHook(new Thread(dataSource::close));
                JdbiStore store = JdbiStore.create(dataSource);
                data.load(store, DataSet.Progress.toStdout("postgres " + data.messages));
                store.analyze();
                return store;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    abstract Store open(DataSet data, boolean writes);

    static Path dataDir() {
        return Path.of(System.getProperty("bench.data", "target/bench-data"));
    }

    /** The SQLite file of {@code data}, built on first use (atomically, so an interrupted build is not cached). */
    static synchronized Path cachedSqlite(DataSet data) {
        Path file = dataDir().resolve("sqlite-" + data.messages + "-" + data.users + "-s" + DataSet.SEED + ".db");
        if (Files.exists(file)) {
            return file;
        }
        try {
            Files.createDirectories(file.getParent());
            Path building = Files.createTempDirectory(file.getParent(), "building").resolve("data.db");
            try (JdbiStore store = JdbiStore.sqlite(building)) {
                data.load(store, DataSet.Progress.toStdout("sqlite " + data.messages));
                store.analyze();
            }
            Files.move(building, file, StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path copyOf(Path file) {
        try {
            Path copy = Files.createTempDirectory(dataDir(), "trial").resolve("data.db");
            Files.copy(file, copy);
            copy.getParent().toFile().deleteOnExit();
            copy.toFile().deleteOnExit();
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
