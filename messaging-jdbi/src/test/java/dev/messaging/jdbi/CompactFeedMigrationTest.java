package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.zaxxer.hikari.HikariDataSource;
import dev.messaging.Messaging;
import dev.messaging.change.Change;
import dev.messaging.change.EntityType;
import dev.messaging.change.Operation;
import dev.messaging.common.Actor;
import dev.messaging.common.ActorKind;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.Direction;
import dev.messaging.message.Message;
import dev.messaging.message.MessageChannel;
import dev.messaging.message.MessageQuery;
import dev.messaging.message.MessageType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.sqlite.SQLiteDataSource;

/**
 * Rows as schema version 7 wrote them — a feed spelling its names in full with JSON-object
 * payloads, full message details — migrated by versions 8 and 9 on both databases: read back
 * through the store as they were written, stored in the compact form, and erasable (the ids the
 * feed now names by row key written back first).
 */
class CompactFeedMigrationTest {
    private static final Actor ALICE = Actor.user("acme", "downtown", "alice");
    private static final long T = Instant.parse("2026-03-01T08:00:00Z").toEpochMilli();

    @Test
    void sqliteRowsOfVersion7ReadBackAfterTheMigration() throws SQLException {
        Path file = TestDatabases.newSqliteFile();
        SQLiteDataSource source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + file);
        writeVersion7(source, Dialect.SQLITE);
        checkMigrated(JdbiStore.sqlite(file));
    }

    @Test
    void postgresRowsOfVersion7ReadBackAfterTheMigration() throws SQLException {
        String database = "v7_" + UUID.randomUUID().toString().replace("-", "");
        Jdbi.create(TestDatabases.postgresPool()).useHandle(h -> h.execute("CREATE DATABASE " + database));
        try (HikariDataSource pool = TestDatabases.newPostgresPool(database, 2)) {
            writeVersion7(pool, Dialect.POSTGRESQL);
            checkMigrated(JdbiStore.create(pool));
        }
    }

    private static void writeVersion7(DataSource source, Dialect dialect) throws SQLException {
        Flyway.configure().dataSource(source).locations(dialect.migrations())
                .javaMigrations(new SearchIndexMigration("4", "search index")).table("messaging_schema_history")
                .target("7").load().migrate();
        try (Connection c = source.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO tenant (company_id, location_id, feed_head) VALUES ('acme', 'downtown', 5)");
            s.execute("""
                    INSERT INTO conversation (id, tenant, customer_id, created_date, version, row_seq, archived, status,
                        deleted, customer_count, deleted_customer_count, last_live_customer_number,
                        last_live_customer_feed_seq, last_customer_feed_seq, shop_read_number, last_message_date,
                        last_message_body, last_message_id, last_message_direction)
                    SELECT 'conv-1', id, 'ann', %d, 1, 1, false, 'open', false, 1, 0, 1, 2, 2, 0, %d, 'On it',
                        'msg-2', 'outbound' FROM tenant""".formatted(T, T + 2));
            s.execute("""
                    INSERT INTO message (id, tenant, conversation, created_date, meta_user_id, version, deleted,
                        author_type, user_id, text, customer_number, feed_seq, details)
                    SELECT 'msg-1', tenant, rid, %d, NULL, 1, false, 'Customer', NULL, 'Hi there', 1, 2,
                        '{"type":"Transactional","origin":"Web","direction":"inbound"}' FROM conversation
                    UNION ALL
                    SELECT 'msg-2', tenant, rid, %d, 'alice', 1, false, 'User', 'alice', 'On it', 0, 3,
                        '{"type":"Transactional","origin":"Web","channel":"TYPE_SMS","direction":"outbound",'
                        || '"internal":false,"email":{"requested":false,"history":[]},'
                        || '"sms":{"requested":true,"status":"Pending","history":[]}}' FROM conversation"""
                    .formatted(T + 1, T + 2));
            s.execute("""
                    INSERT INTO change_feed (tenant, sequence, entity_type, entity_id, version, operation, actor_kind,
                        actor_id, session_id, time, customer_id, payload)
                    SELECT id, 1, 'CONVERSATION', 'conv-1', 1, 'CREATE', 'CUSTOMER', 'ann', NULL, %1$d, 'ann', NULL
                        FROM tenant
                    UNION ALL SELECT id, 2, 'MESSAGE', 'msg-1', 1, 'CREATE', 'CUSTOMER', 'ann', NULL, %1$d, 'ann',
                        '{"authorType":"Customer","conversationId":"conv-1","text":"Hi there"}' FROM tenant
                    UNION ALL SELECT id, 3, 'MESSAGE', 'msg-2', 1, 'CREATE', 'USER', 'alice', 'sess-9', %1$d, 'ann',
                        '{"authorType":"User","conversationId":"conv-1","text":"On it"}' FROM tenant
                    UNION ALL SELECT id, 4, 'MESSAGE', 'msg-2', 2, 'DELIVERY', 'SYSTEM', NULL, NULL, %1$d, 'ann',
                        '{"conversationId":"conv-1","status":"Delivered","custom key":"kept"}' FROM tenant
                    UNION ALL SELECT id, 5, 'NOTIFICATION_CONFIG', 'alice', 0, 'UPDATE', 'USER', 'alice', NULL, %1$d,
                        NULL, '{"sendEmail":"false"}' FROM tenant""".formatted(T));
        }
    }

    private static void checkMigrated(JdbiStore store) {
        try (Messaging messaging = Messaging.builder(store).build()) {
            Instant at = Instant.ofEpochMilli(T);
            assertThat(messaging.changes().since(ALICE, 0, 10)).containsExactly(
                    new Change(1, EntityType.CONVERSATION, "conv-1", 1, Operation.CREATE, ActorKind.CUSTOMER, "ann",
                            null, at, "ann", Map.of()),
                    new Change(2, EntityType.MESSAGE, "msg-1", 1, Operation.CREATE, ActorKind.CUSTOMER, "ann", null,
                            at, "ann", Map.of("authorType", "Customer", "conversationId", "conv-1", "text", "Hi there")),
                    new Change(3, EntityType.MESSAGE, "msg-2", 1, Operation.CREATE, ActorKind.USER, "alice",
                            "sess-9", at, "ann", Map.of("authorType", "User", "conversationId", "conv-1", "text",
                                    "On it")),
                    new Change(4, EntityType.MESSAGE, "msg-2", 2, Operation.DELIVERY, ActorKind.SYSTEM, null, null,
                            at, "ann", Map.of("conversationId", "conv-1", "status", "Delivered", "custom key", "kept")),
                    new Change(5, EntityType.NOTIFICATION_CONFIG, "alice", 0, Operation.UPDATE, ActorKind.USER,
                            "alice", null, at, null, Map.of("sendEmail", "false")));

            List<Message> messages = messaging.messages().list(ALICE, "conv-1", MessageQuery.first()).items();
            assertThat(messages).extracting(Message::id).containsExactly("msg-1", "msg-2");
            Message customer = messages.get(0);
            assertThat(customer.type()).isEqualTo(MessageType.TRANSACTIONAL);
            assertThat(customer.direction()).isEqualTo(Direction.INBOUND);
            assertThat(customer.internal()).isNull();
            Message user = messages.get(1);
            assertThat(user.channel()).isEqualTo(MessageChannel.fromWire("TYPE_SMS"));
            assertThat(user.internal()).isFalse();
            assertThat(user.sms().isRequested()).isTrue();
            assertThat(user.sms().status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(user.email().requested()).isFalse();

            List<String> stored = store.reader().withHandle(h -> h.createQuery(
                    "SELECT coalesce(entity_id, '#' || entity_rid) || ' ' || coalesce(payload, '-') FROM change_feed"
                            + " ORDER BY sequence").mapTo(String.class).list());
            assertThat(stored).as("creations name their message by row key; payloads are arrays, the"
                    + " conversation in its column").containsExactly("conv-1 -", "#1 [0,\"Customer\",2,\"Hi there\"]",
                    "#2 [0,\"User\",2,\"On it\"]", "msg-2 [4,\"Delivered\",\"custom key\",\"kept\"]",
                    "alice [9,\"false\"]");
            List<String> details = store.reader().withHandle(h -> h.createQuery("SELECT details FROM message ORDER BY rid")
                    .mapTo(String.class).list());
            assertThat(details).as("details over the author type's plain ones").containsExactly("{}",
                            "{\"ch\":\"TYPE_SMS\",\"sm\":{\"requested\":true,\"status\":\"Pending\"}}");

            assertThat(messaging.conversations().erase(ALICE, "ann")).isEqualTo(2);
            assertThat(messaging.changes().since(ALICE, 0, 10)).filteredOn(ch -> ch.sequence() <= 4)
                    .extracting(Change::entityId, Change::customerId, Change::payload).containsExactly(
                            tuple("conv-1", null, Map.of()),
                            tuple("msg-1", null, Map.of()),
                            tuple("msg-2", null, Map.of()),
                            tuple("msg-2", null, Map.of()));
        }
    }
}
