package dev.messaging.jdbi;

import dev.messaging.Messaging;
import java.nio.file.Path;
import javax.sql.DataSource;

/**
 * The entry point of messaging-jdbi: a {@link Messaging} with durable storage in one line.
 * {@link #sqlite(Path)} is the embedded default (one file, one process); {@link #create(DataSource)}
 * points at PostgreSQL for a service that runs many instances. For a custom clock or ids, build
 * it from a store: {@code Messaging.builder(JdbiStore.sqlite(path)).clock(clock).build()}.
 */
public final class JdbiMessaging {
    private JdbiMessaging() {
    }

    /** Messaging on a SQLite file, created and migrated if needed; close it to close the file. */
    public static Messaging sqlite(Path file) {
        return Messaging.builder(JdbiStore.sqlite(file)).build();
    }

    /** Messaging on the caller's data source (PostgreSQL or SQLite), migrated on start; the pool stays the caller's. */
    public static Messaging create(DataSource dataSource) {
        return Messaging.builder(JdbiStore.create(dataSource)).build();
    }
}
