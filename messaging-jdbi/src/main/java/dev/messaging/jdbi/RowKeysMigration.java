package dev.messaging.jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 10: on SQLite, the row keys of conversations and messages are never used twice
 * ({@code AUTOINCREMENT}). SQLite's plain row key is the largest key plus one, so erasing the
 * newest conversation or message handed its key to the next row written; a row cached by key and
 * version (a page's rows, see {@link RowCache}) could then show an erased customer's conversation
 * in another's place. PostgreSQL's identity columns never reuse a value: nothing to do there.
 *
 * <p>The tables are rebuilt from their own definitions with foreign keys off, which SQLite allows
 * only outside a transaction: this migration opens its own.
 */
final class RowKeysMigration extends RowsMigration {
    private static final List<String> TABLES = List.of("conversation", "message");

    RowKeysMigration() {
        super("10", "row keys never reused");
    }

    @Override
    public boolean canExecuteInTransaction() {
        return false;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        if (Dialect.of(c) != Dialect.SQLITE) {
            return;
        }
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA foreign_keys = OFF");
            try {
                s.execute("BEGIN IMMEDIATE");
                try {
                    for (String table : TABLES) {
                        rebuild(c, s, table);
                    }
                    try (ResultSet broken = s.executeQuery("PRAGMA foreign_key_check")) {
                        if (broken.next()) {
                            throw new SQLException("a row of " + broken.getString(1) + " lost its parent");
                        }
                    }
                    s.execute("COMMIT");
                } catch (SQLException | RuntimeException e) {
                    s.execute("ROLLBACK");
                    throw e;
                }
            } finally {
                s.execute("PRAGMA foreign_keys = ON");
            }
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    /** {@code table} again, from its own definition and indexes, with its key {@code AUTOINCREMENT}. */
    private static void rebuild(Connection c, Statement s, String table) throws SQLException {
        String definition = null;
        List<String> indexes = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement(
                "SELECT type, sql FROM sqlite_master WHERE tbl_name = ? AND sql IS NOT NULL ORDER BY type DESC")) {
            q.setString(1, table);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1).equals("table")) {
                        definition = rs.getString(2);
                    } else {
                        indexes.add(rs.getString(2));
                    }
                }
            }
        }
        if (definition == null || !definition.matches("(?s).*\\brid\\s+INTEGER\\s+PRIMARY\\s+KEY\\s*,.*")) {
            throw new SQLException("unexpected definition of " + table + ": " + definition);
        }
        String rebuilt = table + "_v10";
        s.execute(definition.replaceFirst("^CREATE TABLE \"?" + table + "\"?", "CREATE TABLE " + rebuilt)
                .replaceFirst("\\brid\\s+INTEGER\\s+PRIMARY\\s+KEY\\s*,", "rid INTEGER PRIMARY KEY AUTOINCREMENT,"));
        s.execute("INSERT INTO " + rebuilt + " SELECT * FROM " + table);
        s.execute("DROP TABLE " + table);
        s.execute("ALTER TABLE " + rebuilt + " RENAME TO " + table);
        for (String index : indexes) {
            s.execute(index);
        }
    }
}
