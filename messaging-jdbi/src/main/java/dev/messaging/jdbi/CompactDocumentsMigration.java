package dev.messaging.jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BinaryOperator;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 9: a message's details under short names and written over its author type's
 * plain details ({@link MessageTable.Details#BASES}), and a change's payload as {@link FeedCodes}
 * spells it (without the conversationId version 8 moved to its column) — the rows' JSON rewritten
 * in place.
 */
final class CompactDocumentsMigration extends RowsMigration {

    CompactDocumentsMigration() {
        super("9", "compact documents");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        rewrite(c, "SELECT details, author_type, rid FROM message", "UPDATE message SET details = ? WHERE rid = ?", 1,
                (details, author) -> MessageTable.Details.rewrite(details, MessageTable.AUTHOR_TYPES.value(author)));
        rewrite(c, "SELECT payload, conversation, tenant, sequence FROM change_feed WHERE payload IS NOT NULL",
                "UPDATE change_feed SET payload = ? WHERE tenant = ? AND sequence = ?", 2,
                (payload, conversation) -> FeedCodes.rewritePayload(payload, conversation != null));
    }

    /**
     * Sets the document of each row {@code select} returns (its column 1) to {@code rewrite(document,
     * column 2)}; the row's key is the {@code keys} columns after those, bound to the update after the
     * document.
     */
    private static void rewrite(Connection c, String select, String update, int keys,
            BinaryOperator<String> rewrite) throws SQLException {
        try (Statement read = c.createStatement(); ResultSet rs = read.executeQuery(select);
                Batch batch = new Batch(c.prepareStatement(update))) {
            PreparedStatement out = batch.statement();
            while (rs.next()) {
                out.setString(1, rewrite.apply(rs.getString(1), rs.getString(2)));
                for (int key = 1; key <= keys; key++) {
                    out.setLong(1 + key, rs.getLong(2 + key));
                }
                batch.add();
            }
        }
    }
}
