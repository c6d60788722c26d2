package dev.messaging.jdbi;

import dev.messaging.spi.EarlyReport;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** The {@code early_report} table: provider callbacks kept until their Sent is recorded (see {@link EarlyReport}). */
final class EarlyReportRows {
    private EarlyReportRows() {
    }

    /** Drops the expired reports, then keeps {@code report} unless {@code max} are kept; inside the caller's transaction. */
    static boolean keep(Handle h, EarlyReport report, int max, Instant expiredBefore) {
        h.createUpdate("DELETE FROM early_report WHERE received_at < :before")
                .bind("before", expiredBefore.toEpochMilli()).execute();
        long kept = h.createQuery("SELECT COUNT(*) FROM early_report").mapTo(Long.class).one();
        if (kept >= max) {
            return false;
        }
        h.createUpdate("INSERT INTO early_report (provider_message_id, status, error, received_at)"
                + " VALUES (:id, :status, :error, :at)").bind("id", report.providerMessageId())
                .bind("status", report.status().wireValue()).bind("error", report.error())
                .bind("at", report.receivedAt().toEpochMilli()).execute();
        return true;
    }
}
