package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.common.ChangeMeta;
import dev.messaging.common.Deletion;
import dev.messaging.common.Tenant;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationBuilder;
import dev.messaging.conversation.ConversationChannel;
import dev.messaging.conversation.ConversationStatus;
import dev.messaging.conversation.ConversationType;
import dev.messaging.message.Direction;
import dev.messaging.message.MessageChannel;
import dev.messaging.spi.ConversationRow;
import dev.messaging.spi.CustomerMessageCounters;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A conversation a write puts in the row cache ({@link ConversationTable#asWritten}) is the row a
 * read of the database returns: JSON, times and enums as stored, not as the caller's objects —
 * whatever the fields hold (metadata numbers of every width, nested values, times finer than a
 * millisecond, a deletion, every enum).
 */
class ConversationWrittenRowTest {

    @Test
    void aWrittenConversationIsTheRowTheDatabaseReturns() {
        Tenant tenant = new Tenant("written-co", "loc");
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("count", 5L);
        metadata.put("ratio", 0.25f);
        metadata.put("big", 12_345_678_901L);
        metadata.put("nested", Map.of("list", List.of(1, "two", 3.5)));
        metadata.put("none", null);
        Instant fine = Instant.parse("2026-11-26T03:30:00.123456789Z");
        List<ConversationRow> rows = List.of(
                row(tenant, "conv-plain", Conversation.builder(), new CustomerMessageCounters(0, 0, 0, 0, 0, 0)),
                row(tenant, "conv-full", Conversation.builder()
                        .contact(new Contact("person", "Ada", "Lovelace", "Engines Ltd", "ada@example.com", "+15550100",
                                "en"))
                        .assignedTo("user-1").channel(ConversationChannel.TYPE_EMAIL).archived(true)
                        .status(ConversationStatus.SNOOZED).snoozedUntil(fine).subject("Brakes").orderId("order-9")
                        .deletion(new Deletion("user-2", fine, "duplicate")).lastMessageDate(fine)
                        .lastMessageBody("is my car ready?").lastMessageType(MessageChannel.fromWire("sms"))
                        .lastMessageId("msg-1").lastMessageDirection(Direction.INBOUND)
                        .conversationType(ConversationType.GUEST).outletCode("outlet").orderCode("code")
                        .metadata(metadata),
                        new CustomerMessageCounters(7, 2, 6, 41, 44, 5)));
        try (JdbiStore store = JdbiStore.sqlite(TestDatabases.newSqliteFile())) {
            for (ConversationRow row : rows) {
                store.inTransaction(tenant, tx -> tx.insertConversation(row));
                ConversationRow read = store.readFromStorage(tenant, tx -> tx.findConversation(row.id())).orElseThrow();
                assertThat(ConversationTable.asWritten(1, row, tenant, null).row()).as(row.id()).isEqualTo(read);
                // written again over the row as read: the unchanged JSON values are the read ones, a changed one is new
                ConversationRow body = withConversation(row, read.conversation().toBuilder().lastMessageBody("new body"));
                ConversationRow contact = withConversation(row, read.conversation().toBuilder()
                        .contact(new Contact("person", "Grace", "Hopper", null, null, "+15550199", "en")));
                for (ConversationRow next : List.of(body, contact)) {
                    store.inTransaction(tenant, tx -> tx.updateConversation(next, row.conversation().meta().version()));
                    ConversationRow again = store.readFromStorage(tenant, tx -> tx.findConversation(row.id())).orElseThrow();
                    ConversationRow cached = ConversationTable.asWritten(1, next, tenant, read).row();
                    assertThat(cached).as(row.id()).isEqualTo(again);
                    store.inTransaction(tenant, tx -> tx.updateConversation(read, row.conversation().meta().version()));
                }
                assertThat(ConversationTable.asWritten(1, body, tenant, read).row().conversation().contact())
                        .isSameAs(read.conversation().contact());
            }
        }
    }

    private static ConversationRow withConversation(ConversationRow row, ConversationBuilder b) {
        return new ConversationRow(b.build(), row.counters());
    }

    private static ConversationRow row(Tenant tenant, String id, ConversationBuilder b,
            CustomerMessageCounters counters) {
        Instant created = Instant.parse("2026-11-26T03:00:00.000999Z");
        return new ConversationRow(b.id(id).companyId(tenant.companyId()).locationId(tenant.locationId())
                .customerId("cust-" + id).createdDate(created).updatedDate(created)
                .meta(new ChangeMeta("user-1", "session-1", 3)).build(), counters);
    }
}
