package dev.messaging.jdbi;

import dev.messaging.conversation.MessageAction;
import dev.messaging.message.AuthorType;
import dev.messaging.message.Message;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import org.flywaydb.core.api.migration.Context;

/**
 * Schema version 16: each conversation's last message action and last manual message date (added
 * by version 15) as the rules would have kept them ({@link MessageAction#of}), from its messages in
 * the order they were written, so that a database written before finds its conversations by them.
 * One pass over the messages in conversation order; an update per conversation that has an action.
 */
final class LastMessageActionsMigration extends RowsMigration {

    LastMessageActionsMigration() {
        super("16", "last message actions");
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        try (Statement read = c.createStatement();
                ResultSet rs = read.executeQuery("SELECT conversation, author_type, created_date, details FROM message"
                        + " ORDER BY conversation, created_date, id");
                Batch batch = new Batch(c.prepareStatement("UPDATE conversation SET last_message_action = ?,"
                        + " last_manual_message_date = ? WHERE rid = ?"))) {
            Last last = null;
            while (rs.next()) {
                long conversation = rs.getLong(1);
                if (last != null && last.conversation != conversation) {
                    last.write(batch);
                    last = null;
                }
                AuthorType author = MessageTable.AUTHOR_TYPES.value(rs.getString(2));
                Instant created = Instant.ofEpochMilli(rs.getLong(3));
                Message m = MessageTable.Details.read(rs.getString(4), author,
                        Message.builder().authorType(author).createdDate(created));
                MessageAction action = MessageAction.of(m);
                if (action != null) {
                    last = last == null ? new Last(conversation) : last;
                    last.action = action;
                    last.manualDate = action == MessageAction.MANUAL ? created : last.manualDate;
                }
            }
            if (last != null) {
                last.write(batch);
            }
        }
    }

    /** A conversation's last action and manual message date, as its messages are read. */
    private static final class Last {
        final long conversation;
        MessageAction action;
        Instant manualDate;

        Last(long conversation) {
            this.conversation = conversation;
        }

        void write(Batch batch) throws SQLException {
            PreparedStatement st = batch.statement();
            st.setString(1, action.wireValue());
            if (manualDate == null) {
                st.setNull(2, Types.BIGINT);
            } else {
                st.setLong(2, manualDate.toEpochMilli());
            }
            st.setLong(3, conversation);
            batch.add();
        }
    }
}
