package dev.messaging.jdbi;

import dev.messaging.notification.NotificationConfig;
import java.util.Optional;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowMapper;

/** Per-user rows of a tenant: the "mark all read" horizon and the notification settings. */
interface UserDao {

    @SqlUpdate("""
            INSERT INTO user_state (company_id, location_id, user_id, all_read_seq) VALUES (?, ?, ?, ?)
            ON CONFLICT (company_id, location_id, user_id) DO UPDATE SET all_read_seq = excluded.all_read_seq""")
    void saveAllReadSeq(String companyId, String locationId, String userId, long seq);

    @SqlQuery("""
            SELECT user_id, send_email, send_in_app, send_sms FROM notification_config
            WHERE company_id = ? AND location_id = ? AND user_id = ?""")
    @UseRowMapper(NotificationConfigMapper.class)
    Optional<NotificationConfig> notificationConfig(String companyId, String locationId, String userId);

    @SqlUpdate("""
            INSERT INTO notification_config (company_id, location_id, user_id, send_email, send_in_app, send_sms)
            VALUES (?, ?, ?, ?, ?, ?)
            ON CONFLICT (company_id, location_id, user_id) DO UPDATE SET send_email = excluded.send_email,
                send_in_app = excluded.send_in_app, send_sms = excluded.send_sms""")
    void saveNotificationConfig(String companyId, String locationId, String userId, boolean sendEmail,
            boolean sendInApp, boolean sendSms);

    /** Maps a notification_config row by column index. */
    final class NotificationConfigMapper implements org.jdbi.v3.core.mapper.RowMapper<NotificationConfig> {
        @Override
        public NotificationConfig map(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
                throws java.sql.SQLException {
            return new NotificationConfig(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3), rs.getBoolean(4));
        }
    }
}
