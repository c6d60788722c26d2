package dev.messaging.jdbi;

import static dev.messaging.jdbi.Cells.millis;

import dev.messaging.common.ChangeMeta;
import dev.messaging.spi.ThreadRow;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The {@code thread} table: its columns and its mapper; the conversation's row key is bound by the statements. */
final class ThreadTable {
    static final List<Column<ThreadRow>> COLUMNS = List.of(
            new Column<>("user_id", String.class, ThreadRow::userId),
            new Column<>("created_date", Long.class, r -> millis(r.createdDate())),
            new Column<>("updated_date", Long.class, r -> millis(r.updatedDate())),
            new Column<>("meta_user_id", String.class, r -> r.meta().userId()),
            new Column<>("meta_session_id", String.class, r -> r.meta().sessionId()),
            new Column<>("version", Long.class, r -> r.meta().version()),
            new Column<>("read_number", Integer.class, ThreadRow::readNumber),
            new Column<>("read_feed_seq", Long.class, ThreadRow::readFeedSeq),
            new Column<>("archived_seq", Long.class, ThreadRow::archivedSeq),
            new Column<>("important", Boolean.class, ThreadRow::important),
            new Column<>("muted", Boolean.class, ThreadRow::muted));

    static final String SELECT = Column.select(COLUMNS, "t");

    private ThreadTable() {
    }

    /** Reads the {@link #SELECT} columns: a thread of {@code conversationId}, or null when a left join found none. */
    static ThreadRow read(Cells in, String conversationId) throws SQLException {
        String userId = in.string();
        if (userId == null) {
            in.skip(COLUMNS.size() - 1);
            return null;
        }
        Instant created = in.instant();
        Instant updated = in.instant();
        ChangeMeta meta = new ChangeMeta(in.string(), in.string(), in.longValue());
        return new ThreadRow(conversationId, userId, created, updated, meta, in.intValue(), in.longValue(),
                in.longValue(), in.bool(), in.bool());
    }
}
