package dev.messaging.memory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.common.Page;
import dev.messaging.inbox.InboxEntry;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.message.NewMessage;
import dev.messaging.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With 100,000 messages in store, an inbox page, a page after a deep cursor and a rare-word text
 * query read a number of rows bounded by the page size, not by the number of messages. Counts
 * the rows the store touches, not time (time is the benchmarks' job).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InMemoryInboxCostTest {
    private static final int MESSAGES = 100_000;
    private static final int CUSTOMERS = 5_000;

    private final InMemoryStore store = new InMemoryStore();
    private final SettableClock clock = new SettableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final Messaging messaging = Messaging.builder(store).clock(clock).build();
    private final Actor alice = Actor.user("co", "loc", "alice");

    @BeforeAll
    void fill() {
        Random random = new Random(42);
        for (int i = 0; i < MESSAGES; i++) {
            clock.advance(Duration.ofMillis(1));
            // skewed: a few busy customers, many quiet ones
            int customer = random.nextInt(10) < 5 ? random.nextInt(50) : random.nextInt(CUSTOMERS);
            String customerId = "c" + customer;
            String text = i == MESSAGES / 2 ? "zanzibar gearbox" : "message number " + i;
            Actor author = random.nextInt(3) == 0 ? alice : Actor.customer("co", "loc", customerId);
            messaging.messages().create(author, NewMessage.to(customerId, text).build());
        }
    }

    private long touchedBy(Runnable query) {
        long before = store.rowsTouched();
        query.run();
        return store.rowsTouched() - before;
    }

    @Test
    void firstPageReadsRowsBoundedByThePageSize() {
        long rows = touchedBy(() -> assertThat(messaging.inbox().list(alice, InboxQuery.all()).items()).hasSize(50));
        assertThat(rows).isLessThanOrEqualTo(4 * 51);
    }

    @Test
    void aPageDeepInTheListReadsRowsBoundedByThePageSize() {
        Page<InboxEntry> page = messaging.inbox().list(alice, InboxQuery.all().limit(100));
        for (int i = 0; i < 20; i++) {
            page = messaging.inbox().list(alice, InboxQuery.all().limit(100).after(page.nextCursor()));
        }
        String deep = page.nextCursor();
        long rows = touchedBy(() -> assertThat(messaging.inbox().list(alice, InboxQuery.all().after(deep)).items())
                .hasSize(50));
        assertThat(rows).isLessThanOrEqualTo(4 * 51);
    }

    @Test
    void aRareWordQueryReadsRowsBoundedByItsMatches() {
        long rows = touchedBy(() -> assertThat(messaging.inbox().list(alice, InboxQuery.all().query("zanzibar"))
                .items()).hasSize(1));
        assertThat(rows).isLessThanOrEqualTo(10);
    }
}
