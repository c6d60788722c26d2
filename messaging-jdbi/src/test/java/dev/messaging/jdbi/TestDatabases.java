package dev.messaging.jdbi;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The databases the store tests run on: a fresh SQLite file per call, and one embedded
 * PostgreSQL per test JVM (from the io.zonky.test Maven artifacts; nothing installed by hand)
 * whose database the tests share, each test in a tenant of its own.
 */
public final class TestDatabases {
    private static EmbeddedPostgres postgres;
    private static HikariDataSource postgresPool;

    private TestDatabases() {
    }

    public static Path newSqliteFile() {
        try {
            Path dir = Files.createTempDirectory("messaging-test");
            dir.toFile().deleteOnExit();
            return dir.resolve("messaging.db");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDBC URL of a database of the shared embedded PostgreSQL (started on first use). */
    public static String postgresUrl(String database) {
        return postgres().getJdbcUrl("postgres", database);
    }

    /** The shared PostgreSQL, started on first use and stopped when the JVM exits. */
    static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM is going away anyway
                }
            }));
        }
        return postgres;
    }

    /** A pool on the shared PostgreSQL database ("postgres"), shared by the tests. */
    public static synchronized DataSource postgresPool() {
        if (postgresPool == null) {
            postgresPool = newPostgresPool("postgres", 8);
        }
        return postgresPool;
    }

    private static final Map<String, DataSource> POOLS = new HashMap<>();

    /**
     * A pool on a database of its own, created on first use: for suites whose claims read across
     * tenants (deliveries), which other suites' leftovers in the shared database would crowd.
     */
    static synchronized DataSource postgresPool(String database) {
        return POOLS.computeIfAbsent(database, name -> {
            try (Connection c = postgres().getPostgresDatabase().getConnection();
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create database " + name, e);
            }
            return newPostgresPool(name, 8);
        });
    }

    /**
     * Raw access to a database of the shared PostgreSQL for tests that read or change the store's
     * rows by SQL: a connection per handle whose search path is the store's schema
     * ({@code messaging}). The stores' own pools keep the default search path, so that every
     * contract test checks that the store names its schema itself.
     */
    static Jdbi rawPostgres(String database) {
        return Jdbi.create(postgresUrl(database) + "&currentSchema=messaging");
    }

    private static HikariDataSource inSchemaPool;

    /**
     * A new pool (the caller closes it) on a new database of the shared PostgreSQL whose search
     * path is the store's schema: for query-plan tests that must start from a database nobody
     * analysed.
     */
    static HikariDataSource newPostgresPoolInSchema(String database) {
        postgresPool(database); // creates it
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgresUrl(database) + "&currentSchema=messaging");
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    /**
     * A pool on the shared database whose search path is the store's schema: for tests that read
     * the store's own Jdbi raw (query plans), not for the contract suites.
     */
    static synchronized DataSource postgresPoolInSchema() {
        if (inSchemaPool == null) {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(postgresUrl("postgres") + "&currentSchema=messaging");
            config.setMaximumPoolSize(4);
            inSchemaPool = new HikariDataSource(config);
        }
        return inSchemaPool;
    }

    /** A new pool (the caller closes it) on a database of the shared PostgreSQL. */
    static HikariDataSource newPostgresPool(String database, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(postgres().getJdbcUrl("postgres", database));
        config.setMaximumPoolSize(size);
        return new HikariDataSource(config);
    }
}
