package dev.messaging.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.conversation.ConversationQuery;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.message.NewMessage;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Reads of tenants that never wrote (long polls, the feed, an inbox, a search) keep nothing in the
 * in-memory store: a service probing many tenants does not grow its heap; a write keeps its tenant.
 */
class ReadsLeaveNothingTest {

    @Test
    void readsOfTenThousandAbsentTenantsKeepNoneAndAWriteKeepsItsOwn() {
        InMemoryStore store = new InMemoryStore();
        try (Messaging messaging = Messaging.builder(store).build()) {
            for (int i = 0; i < 10_000; i++) {
                Actor user = Actor.user("co-" + i, "loc", "alice");
                assertThat(messaging.changes().await(user, 0, 1, Duration.ZERO)).isEmpty();
                assertThat(messaging.changes().since(user, 0, 10)).isEmpty();
                assertThat(messaging.inbox().list(user, InboxQuery.all()).items()).isEmpty();
                assertThat(messaging.conversations().search(user, ConversationQuery.all()).items()).isEmpty();
            }
            assertThat(store.tenantCount()).isZero();
            messaging.messages().create(Actor.customer("co-1", "loc", "c1"), NewMessage.to("c1", "hello").build());
            assertThat(store.tenantCount()).isEqualTo(1);
        }
    }
}
