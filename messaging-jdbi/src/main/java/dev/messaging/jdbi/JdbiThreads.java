package dev.messaging.jdbi;

import dev.messaging.message.DeliveryChannel;
import dev.messaging.notification.NotificationConfig;
import dev.messaging.spi.ThreadRow;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The users' rows of one {@link JdbiTransaction}: threads, "mark all read" horizons and
 * notification settings, with what the transaction already read of them (a write asks for the
 * same horizon twice; whom a customer message notifies is asked right after its threads).
 */
final class JdbiThreads {
    private final JdbiTransaction tx;
    private long shopAllReadSeq = -1;
    /** Users' all-read points as read or written in this transaction. */
    private final Map<String, Long> allReadSeqOf = new HashMap<>(4);
    /**
     * Notification settings read with the threads of a conversation, by user (empty: the user has
     * none): whom a customer message notifies is asked right after its conversation's threads.
     */
    private final Map<String, Optional<NotificationConfig>> notificationConfigsSeen = new HashMap<>(4);
    /**
     * PostgreSQL writes: the threads of a conversation as read with it ({@link #readWith}), until
     * this transaction saves one of them.
     */
    private final Map<String, List<ThreadRow>> threadsOf = new HashMap<>(2);
    /** The version of each thread as this write transaction read or wrote it (0: it has none), by conversation and user. */
    private final Map<List<String>, Long> versionsSeen = new HashMap<>(4);

    JdbiThreads(JdbiTransaction tx) {
        this.tx = tx;
    }

    static final String THREAD = "SELECT " + ThreadTable.SELECT
            + " FROM thread t WHERE t.conversation = ? AND t.user_id = ?";

    /**
     * {@link #THREAD} with the user's "mark all read" horizon (its first two parameters), one row
     * whether the thread exists or not (a thread's user id null: none).
     */
    static final String THREAD_AND_ALL_READ = "SELECT " + ThreadTable.SELECT
            + ", coalesce((SELECT all_read_seq FROM user_state WHERE tenant = ? AND user_id = ?), 0)"
            + " FROM (SELECT 1) AS one LEFT JOIN thread t ON t.conversation = ? AND t.user_id = ?";

    /**
     * The threads of the conversation {@code condition} finds (its parameter {@code key}), each
     * with its user's settings and horizon, read with the conversation in one round trip: whom a
     * message notifies and a thread's write ask for them next. PostgreSQL write transactions only.
     */
    void readWith(String condition, Object key) {
        tx.keep(THREADS_OF_CONVERSATION + condition, st -> {
            st.setLong(1, tx.tenantKey());
            st.setObject(2, key);
        }, rs -> {
            List<ThreadRow> threads = new ArrayList<>(2);
            String conversationId = null;
            boolean whole = true;
            while (rs.next()) {
                Cells cells = new Cells(rs);
                conversationId = cells.string();
                ThreadRow thread;
                Optional<NotificationConfig> settings;
                try {
                    thread = ThreadTable.read(cells, conversationId);
                    settings = notificationConfig(cells);
                } catch (RuntimeException e) {
                    // read ahead, not asked for: the read that asks for them meets it (PoisonRowContract)
                    whole = false;
                    continue;
                }
                long allRead = cells.longValue();
                if (thread != null) {
                    threads.add(thread);
                    notificationConfigsSeen.put(thread.userId(), settings);
                    allReadSeqOf.putIfAbsent(thread.userId(), allRead);
                    versionsSeen.put(List.of(conversationId, thread.userId()), thread.meta().version());
                }
            }
            if (conversationId != null && whole) {
                threadsOf.put(conversationId, threads);
            }
        });
    }

    /** A conversation this transaction inserted: it has no threads yet. */
    void inserted(String conversationId) {
        if (tx.keepsWrites()) {
            threadsOf.put(conversationId, new ArrayList<>(0));
        }
    }

    /** The conversation's key, then each of its threads with its user's settings and horizon (one row if none). */
    private static final String THREADS_OF_CONVERSATION = "SELECT c.id, " + ThreadTable.SELECT
            + ", n.user_id, n.send_email, n.send_in_app, n.send_sms, n.other_channels, coalesce(u.all_read_seq, 0)"
            + " FROM conversation c LEFT JOIN thread t ON t.conversation = c.rid"
            + " LEFT JOIN notification_config n ON n.tenant = c.tenant AND n.user_id = t.user_id"
            + " LEFT JOIN user_state u ON u.tenant = c.tenant AND u.user_id = t.user_id"
            + " WHERE c.tenant = ? AND ";

    Optional<ThreadRow> find(String conversationId, String userId) {
        List<ThreadRow> known = threadsOf.get(conversationId);
        if (known != null) {
            Optional<ThreadRow> thread = known.stream().filter(t -> t.userId().equals(userId)).findFirst();
            if (thread.isPresent() || allReadSeqOf.containsKey(userId)) {
                versionsSeen.putIfAbsent(List.of(conversationId, userId), 0L);
                return thread;
            }
        }
        Optional<ThreadRow> found = read(conversationId, userId);
        versionsSeen.put(List.of(conversationId, userId), found.map(t -> t.meta().version()).orElse(0L));
        return found;
    }

    private Optional<ThreadRow> read(String conversationId, String userId) {
        long conversation = tx.conversationKey(conversationId);
        if (tx.writable() && !allReadSeqOf.containsKey(userId)) {
            // a write to a thread asks for its user's horizon next (is it read? its view): one statement
            return tx.rows(THREAD_AND_ALL_READ, st -> {
                st.setLong(1, tx.tenantKey());
                st.setString(2, userId);
                st.setLong(3, conversation);
                st.setString(4, userId);
            }, rs -> {
                Cells cells = new Cells(rs);
                ThreadRow thread = ThreadTable.read(cells, conversationId);
                allReadSeqOf.put(userId, cells.longValue());
                return Optional.ofNullable(thread);
            }).get(0);
        }
        return tx.rows(THREAD, st -> {
            st.setLong(1, conversation);
            st.setString(2, userId);
        }, rs -> ThreadTable.read(new Cells(rs), conversationId)).stream().findFirst();
    }

    private static final String INSERT = Column.insert("thread", ThreadTable.COLUMNS, "conversation")
            + " ON CONFLICT DO NOTHING";
    private static final String UPDATE = "UPDATE thread SET " + Column.assignments(ThreadTable.COLUMNS)
            + " WHERE conversation = ? AND user_id = ? AND version = ?";

    boolean save(ThreadRow row, long expectedVersion) {
        long conversation = tx.conversationKey(row.conversationId());
        String sql = expectedVersion == 0 ? INSERT : UPDATE;
        Jdbc.Parameters parameters = st -> {
            int next = Column.bind(st, 1, ThreadTable.COLUMNS, row);
            st.setLong(next, conversation);
            if (expectedVersion != 0) {
                st.setString(next + 1, row.userId());
                st.setLong(next + 2, expectedVersion);
            }
        };
        List<String> key = List.of(row.conversationId(), row.userId());
        threadsOf.remove(row.conversationId());
        Long seen = versionsSeen.remove(key);
        if (tx.keepsWrites() && seen != null && seen == expectedVersion) {
            // read at that version in this transaction, under the tenant's lock: the write finds it so
            tx.writeExpecting(sql, parameters, 1, "thread " + key + " changed under its tenant's lock");
        } else if (tx.execute(sql, parameters) != 1) {
            return false;
        }
        versionsSeen.put(key, row.meta().version());
        return true;
    }

    /** The threads of a conversation, each with its user's notification settings (null columns: none). */
    static final String THREADS_AND_SETTINGS = "SELECT " + ThreadTable.SELECT
            + ", n.user_id, n.send_email, n.send_in_app, n.send_sms, n.other_channels FROM thread t"
            + " LEFT JOIN notification_config n ON n.tenant = ? AND n.user_id = t.user_id"
            + " WHERE t.conversation = ?";

    List<ThreadRow> of(String conversationId) {
        List<ThreadRow> known = threadsOf.get(conversationId);
        if (known != null) {
            return List.copyOf(known);
        }
        long conversation = tx.conversationKey(conversationId);
        return tx.rows(THREADS_AND_SETTINGS, st -> {
            st.setLong(1, tx.tenantKey());
            st.setLong(2, conversation);
        }, rs -> {
            Cells cells = new Cells(rs);
            ThreadRow thread = ThreadTable.read(cells, conversationId);
            notificationConfigsSeen.put(thread.userId(), notificationConfig(cells));
            return thread;
        });
    }

    private static Optional<NotificationConfig> notificationConfig(Cells cells) throws SQLException {
        String userId = cells.string();
        boolean email = cells.bool();
        boolean inApp = cells.bool();
        boolean sms = cells.bool();
        String others = cells.string();
        return userId == null ? Optional.empty() : Optional.of(notificationConfig(userId, email, inApp, sms, others));
    }

    /** The settings of a row: the three reference flags and the other channels' names. */
    private static NotificationConfig notificationConfig(String userId, boolean email, boolean inApp, boolean sms,
            String others) {
        NotificationConfig flags = new NotificationConfig(userId, email, inApp, sms);
        if (others == null || others.isEmpty()) {
            return flags;
        }
        Set<DeliveryChannel> channels = EnumSet.noneOf(DeliveryChannel.class);
        channels.addAll(flags.channels());
        Arrays.stream(others.split(",")).map(DeliveryChannel::valueOf).forEach(channels::add);
        return new NotificationConfig(userId, channels);
    }

    /** The channels of {@code config} besides the three the reference names, as stored; null for none. */
    private static String otherChannels(NotificationConfig config) {
        String others = config.channels().stream().filter(c -> !NotificationConfig.DEFAULT_CHANNELS.contains(c))
                .map(Enum::name)
                .collect(Collectors.joining(","));
        return others.isEmpty() ? null : others;
    }


    Map<String, Long> allReadSeqs() {
        Map<String, Long> all = new HashMap<>();
        tx.query("SELECT user_id, all_read_seq FROM user_state WHERE tenant = :tenant")
                .map((rs, ctx) -> all.put(rs.getString(1), rs.getLong(2))).list();
        return all;
    }

    static final String ALL_READ_SEQS = """
            SELECT coalesce((SELECT all_read_seq FROM user_state WHERE tenant = ? AND user_id = ?), 0),
                   coalesce((SELECT max(all_read_seq) FROM user_state WHERE tenant = ?), 0)""";

    /**
     * Reads the user's and the shop's "mark all read" horizons in one statement, and keeps the
     * shop's for a read-only transaction: every inbox page needs both.
     */
    long allReadSeq(String userId) {
        Long known = allReadSeqOf.get(userId);
        if (known != null) {
            return known; // a write asks again for the view it returns: same transaction, same answer
        }
        horizonsRead(tx.rows(ALL_READ_SEQS, horizonsOf(userId), rs -> new long[] {rs.getLong(1), rs.getLong(2)})
                .get(0), userId);
        return allReadSeqOf.get(userId);
    }

    /** PostgreSQL: {@link #allReadSeq}'s statement kept to go with the next one (a page's keys). */
    void keepHorizons(String userId) {
        if (!allReadSeqOf.containsKey(userId)) {
            tx.keep(ALL_READ_SEQS, horizonsOf(userId), rs -> {
                rs.next();
                horizonsRead(new long[] {rs.getLong(1), rs.getLong(2)}, userId);
            });
        }
    }

    private Jdbc.Parameters horizonsOf(String userId) {
        return st -> {
            st.setLong(1, tx.tenantKey());
            st.setString(2, userId);
            st.setLong(3, tx.tenantKey());
        };
    }

    /** Keeps the horizons read: the user's, and in a read-only transaction the shop's. */
    private void horizonsRead(long[] both, String userId) {
        if (!tx.writable()) {
            shopAllReadSeq = both[1];
        }
        allReadSeqOf.put(userId, both[0]);
    }

    void saveAllReadSeq(String userId, long seq) {
        tx.checkWritable();
        tx.update("""
                INSERT INTO user_state (tenant, user_id, all_read_seq) VALUES (:tenant, :user, :seq)
                ON CONFLICT (tenant, user_id) DO UPDATE SET all_read_seq = excluded.all_read_seq""")
                .bind("user", userId).bind("seq", seq).execute();
        allReadSeqOf.put(userId, seq);
    }

    long shopAllReadSeq() {
        if (shopAllReadSeq >= 0) {
            return shopAllReadSeq; // read along with a user's horizon in this read-only transaction
        }
        return tx.query("SELECT coalesce(max(all_read_seq), 0) FROM user_state WHERE tenant = :tenant")
                .mapTo(Long.class).one();
    }

    List<NotificationConfig> findNotificationConfigs(List<String> userIds) {
        if (notificationConfigsSeen.keySet().containsAll(userIds)) {
            return userIds.stream().map(notificationConfigsSeen::get).flatMap(Optional::stream).toList();
        }
        return tx.query("SELECT user_id, send_email, send_in_app, send_sms, other_channels FROM notification_config"
                + " WHERE tenant = :tenant AND user_id IN (" + tx.dialect().textsIn("users") + ")")
                .bind("users", Json.write(userIds))
                .map((rs, ctx) -> notificationConfig(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getString(5)))
                .list();
    }

    void saveNotificationConfig(NotificationConfig config) {
        tx.checkWritable();
        notificationConfigsSeen.put(config.userId(), Optional.of(config));
        tx.update("""
                INSERT INTO notification_config (tenant, user_id, send_email, send_in_app, send_sms, other_channels)
                VALUES (:tenant, :user, :email, :inApp, :sms, :others)
                ON CONFLICT (tenant, user_id) DO UPDATE SET send_email = excluded.send_email,
                    send_in_app = excluded.send_in_app, send_sms = excluded.send_sms,
                    other_channels = excluded.other_channels""")
                .bind("user", config.userId()).bind("email", config.sendEmail())
                .bind("inApp", config.sendInApp()).bind("sms", config.sendSms())
                .bind("others", otherChannels(config)).execute();
    }
}
