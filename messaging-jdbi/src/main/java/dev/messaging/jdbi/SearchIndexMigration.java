package dev.messaging.jdbi;

import dev.messaging.conversation.Contact;
import dev.messaging.spi.TextTokens;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import org.flywaydb.core.api.migration.Context;

/**
 * Rebuilds the text index from the rows, with today's {@link TextTokens}: after a schema version
 * that moved the index, or a change of how text is cut into tokens.
 */
final class SearchIndexMigration extends RowsMigration {

    SearchIndexMigration(String version, String description) {
        super(version, description);
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        boolean sqlite = Dialect.of(c) == Dialect.SQLITE;
        String write;
        if (sqlite) {
            try (Statement clear = c.createStatement()) {
                clear.execute("DELETE FROM search_fts");
            }
            write = "INSERT INTO search_fts (rowid, tokens) VALUES (?, ?)";
        } else {
            try (Statement clear = c.createStatement()) {
                clear.execute("UPDATE message SET tokens = NULL WHERE tokens IS NOT NULL");
                clear.execute("UPDATE conversation SET contact_tokens = NULL WHERE contact_tokens IS NOT NULL");
            }
            write = null;
        }
        index(c, "SELECT rid, text FROM message WHERE NOT deleted",
                sqlite ? write : "UPDATE message SET tokens = " + TOKENS + " WHERE rid = ?", sqlite, 1, false);
        index(c, "SELECT rid, contact FROM conversation WHERE contact IS NOT NULL",
                sqlite ? write : "UPDATE conversation SET contact_tokens = " + TOKENS + " WHERE rid = ?", sqlite, -1,
                true);
    }

    private static final String TOKENS = "array_to_tsvector(string_to_array(CAST(? AS text), ' '))";

    /** Tokens of each row's text (or contact); SQLite rows go in as (sign * rid, tokens), PostgreSQL as (tokens, rid). */
    private static void index(Connection c, String select, String write, boolean sqlite, int sign, boolean contact)
            throws SQLException {
        try (Statement read = c.createStatement(); ResultSet rs = read.executeQuery(select);
                Batch batch = new Batch(c.prepareStatement(write))) {
            PreparedStatement out = batch.statement();
            while (rs.next()) {
                Set<String> tokens = tokensOf(rs.getString(2), contact);
                if (tokens.isEmpty()) {
                    continue;
                }
                String joined = String.join(" ", tokens);
                if (sqlite) {
                    out.setLong(1, sign * rs.getLong(1));
                    out.setString(2, joined);
                } else {
                    out.setString(1, joined);
                    out.setLong(2, rs.getLong(1));
                }
                batch.add();
            }
        }
    }

    private static Set<String> tokensOf(String value, boolean contact) {
        if (!contact) {
            return TextTokens.tokens(value);
        }
        Contact person = Json.contact(value);
        return TextTokens.tokens(person.firstName(), person.lastName(), person.companyName(), person.email(),
                person.phone());
    }
}
