package dev.messaging.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.messaging.Messaging;
import dev.messaging.change.Change;
import dev.messaging.change.Operation;
import dev.messaging.common.Actor;
import dev.messaging.error.ValidationException;
import dev.messaging.memory.InMemoryStore;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.view.shopmonkey.ShopmonkeyChangeEvent;
import dev.messaging.view.shopmonkey.ShopmonkeyMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Shopmonkey change events from the feed: INSERT, UPDATE and DELETE, and back to the feed's operations. */
class ShopmonkeyChangeEventTest {

    @Test
    void everyFeedOperationIsInsertUpdateOrDeleteAndTheThreeWordsComeBack() {
        for (Operation operation : Operation.values()) {
            String word = ShopmonkeyChangeEvent.operation(operation);
            assertThat(word).isIn("INSERT", "UPDATE", "DELETE");
        }
        assertThat(ShopmonkeyChangeEvent.operation(Operation.CREATE)).isEqualTo("INSERT");
        assertThat(ShopmonkeyChangeEvent.operation(Operation.DELIVERY)).isEqualTo("UPDATE");
        assertThat(ShopmonkeyChangeEvent.operation(Operation.ERASE)).isEqualTo("DELETE");
        for (String word : List.of("INSERT", "UPDATE", "DELETE")) {
            assertThat(ShopmonkeyChangeEvent.operation(ShopmonkeyChangeEvent.operation(word))).isEqualTo(word);
        }
        assertThatThrownBy(() -> ShopmonkeyChangeEvent.operation("UPSERT")).isInstanceOfSatisfying(
                ValidationException.class, e -> assertThat(e.fields()).containsExactly("operation"));
    }

    @Test
    void aMessagesChangesAreEventsWithTheRecordAfterThem() {
        try (Messaging messaging = Messaging.builder(new InMemoryStore()).build()) {
            Actor alice = Actor.user("co", "loc", "alice");
            Message m = messaging.messages().create(alice, NewMessage.to("c1", "ready").build());
            messaging.messages().delete(alice, m.id(), "typo");
            Message deleted = messaging.messages().find(alice, m.id()).orElseThrow();
            List<Change> changes = messaging.changes().since(alice, 0, 100).stream()
                    .filter(c -> c.entityId().equals(m.id())).toList();
            List<ShopmonkeyChangeEvent> events = changes.stream().map(c -> ShopmonkeyChangeEvent.from(c, "co", "loc",
                    ShopmonkeyMessage.from(c.operation() == Operation.CREATE ? m : deleted))).toList();
            assertThat(events).extracting(ShopmonkeyChangeEvent::operation).containsExactly("INSERT", "DELETE");
            ShopmonkeyChangeEvent insert = events.get(0);
            assertThat(insert.id()).isEqualTo(Long.toString(changes.get(0).sequence()));
            assertThat(insert.table()).isEqualTo("message");
            assertThat(insert.key()).containsExactly(m.id());
            assertThat(insert.userId()).isEqualTo("alice");
            assertThat(insert.timestamp()).isEqualTo(m.createdDate().toEpochMilli());
            assertThat(Long.parseLong(insert.mvccTimestamp()) / 1000).isEqualTo(insert.timestamp());
            assertThat(((ShopmonkeyMessage) insert.after()).text).isEqualTo("ready");
            assertThat(insert.diff()).contains("text");
        }
    }
}
