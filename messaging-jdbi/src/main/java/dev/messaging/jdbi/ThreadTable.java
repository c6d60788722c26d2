package dev.messaging.jdbi;

import static dev.messaging.jdbi.Cells.millis;

import dev.messaging.common.ChangeMeta;
import dev.messaging.spi.ThreadRow;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The {@code thread} table: its columns and its row mapper (by index). */
final class ThreadTable {
    /** The columns after the tenant's; the tenant columns are bound from the transaction. */
    static final List<Column<ThreadRow>> COLUMNS = List.of(
            new Column<>("conversation_id", String.class, ThreadRow::conversationId),
            new Column<>("user_id", String.class, ThreadRow::userId),
            new Column<>("created_date", Long.class, r -> millis(r.createdDate())),
            new Column<>("updated_date", Long.class, r -> millis(r.updatedDate())),
            new Column<>("meta_user_id", String.class, r -> r.meta().userId()),
            new Column<>("meta_session_id", String.class, r -> r.meta().sessionId()),
            new Column<>("version", Long.class, r -> r.meta().version()),
            new Column<>("read_number", Integer.class, ThreadRow::readNumber),
            new Column<>("read_feed_seq", Long.class, ThreadRow::readFeedSeq),
            new Column<>("archived_seq", Long.class, ThreadRow::archivedSeq),
            new Column<>("important", Boolean.class, ThreadRow::important));

    private ThreadTable() {
    }

    /** The INSERT with the tenant's two columns last. */
    static String insert() {
        return "INSERT INTO thread (" + String.join(", ", COLUMNS.stream().map(Column::name).toList())
                + ", company_id, location_id) VALUES (" + "?, ".repeat(COLUMNS.size()) + "?, ?)";
    }

    /** Reads a thread whose columns start at {@code first}, or null when the left join found none. */
    static ThreadRow read(ResultSet rs, int first) throws SQLException {
        int i = first;
        String conversationId = rs.getString(i++);
        if (conversationId == null) {
            return null;
        }
        String userId = rs.getString(i++);
        java.time.Instant created = Cells.instant(rs, i++);
        java.time.Instant updated = Cells.instant(rs, i++);
        ChangeMeta meta = new ChangeMeta(rs.getString(i++), rs.getString(i++), rs.getLong(i++));
        return new ThreadRow(conversationId, userId, created, updated, meta, rs.getInt(i++), rs.getLong(i++),
                rs.getLong(i++), rs.getBoolean(i));
    }
}
