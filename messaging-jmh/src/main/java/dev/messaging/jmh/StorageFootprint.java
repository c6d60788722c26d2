package dev.messaging.jmh;

import dev.messaging.IdGenerator;
import dev.messaging.jdbi.JdbiStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Bytes per message of a SQLite file holding the benchmark data set, imported with the library's
 * default ids (time-ordered, 32 hex characters), and where they go: every table and index by
 * SQLite's {@code dbstat}, largest first, with the table each index belongs to.
 *
 * <p>Run: {@code java -cp messaging-jmh/target/benchmarks.jar dev.messaging.jmh.StorageFootprint 1000000 [copy.db]}
 * (the file is kept at {@code copy.db} when given).
 */
public final class StorageFootprint {
    private StorageFootprint() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        DataSet data = new DataSet(messages, 200);
        Path file = StoreKind.copyOf(null);
        try (JdbiStore store = JdbiStore.sqlite(file)) {
            data.load(store, DataSet.Progress.toStdout("footprint " + messages), IdGenerator.timeOrdered());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            long size = Files.size(file);
            if (args.length > 1) { // a copy to look into
                Files.copy(file, Path.of(args[1]), StandardCopyOption.REPLACE_EXISTING);
            }
            System.out.printf("%,d messages: file %,d bytes, %,.0f bytes per message%n", messages, size,
                    (double) size / messages);
            try (ResultSet rs = s.executeQuery("""
                    SELECT d.name, coalesce(m.tbl_name, d.name), sum(d.pgsize) AS bytes
                    FROM dbstat d LEFT JOIN sqlite_master m ON m.name = d.name
                    GROUP BY d.name ORDER BY bytes DESC""")) {
                System.out.printf("%-40s %-24s %14s %10s%n", "table or index", "of table", "bytes", "per msg");
                while (rs.next()) {
                    long bytes = rs.getLong(3);
                    System.out.printf("%-40s %-24s %,14d %10.1f%n", rs.getString(1), rs.getString(2), bytes,
                            (double) bytes / messages);
                }
            }
        }
    }
}
