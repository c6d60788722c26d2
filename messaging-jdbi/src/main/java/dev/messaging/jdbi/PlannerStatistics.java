package dev.messaging.jdbi;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite's query planner statistics as this store keeps them: {@code sqlite_stat1} (rows per index
 * prefix, what the store's plans need) without {@code sqlite_stat4}'s samples. The driver's SQLite
 * is built with STAT4, so ANALYZE writes samples too; with samples, SQLite re-prepares a statement
 * at its next step whenever a parameter compared with a sampled index column is bound again (the
 * plan might depend on the value) — that is every execution of this store's statements, which
 * bind their tenant and keys. Measured on the benchmark's file: a conversation read by customer
 * took 48 µs with samples and 15 µs without.
 *
 * <p>A connection loads the statistics when it first reads the schema and keeps them (ANALYZE
 * does not make other connections reload): the samples are dropped when the store opens, before
 * its pools' connections read the schema, and in the same transaction as every analysis the store
 * runs, so that no connection opened later sees them.
 */
final class PlannerStatistics {
    private PlannerStatistics() {
    }

    /** Runs {@code analysis} (ANALYZE, PRAGMA optimize) and drops the samples it wrote, in one transaction. */
    static void analyze(Statement s, String analysis) throws SQLException {
        s.execute("BEGIN IMMEDIATE");
        try {
            s.execute(analysis);
            dropSamples(s);
            s.execute("COMMIT");
        } catch (SQLException | RuntimeException e) {
            s.execute("ROLLBACK");
            throw e;
        }
    }

    /** Drops the samples, if any, and makes this connection's planner forget them. */
    static void dropSamples(Statement s) throws SQLException {
        boolean sampled;
        try (ResultSet rs = s.executeQuery("SELECT 1 FROM sqlite_stat4 LIMIT 1")) {
            sampled = rs.next();
        } catch (SQLException noTable) {
            return; // never analysed (the table is made by the first ANALYZE)
        }
        if (sampled) {
            s.execute("DELETE FROM sqlite_stat4");
            s.execute("ANALYZE sqlite_schema"); // reload: the statistics in the tables, for this connection
        }
    }
}
