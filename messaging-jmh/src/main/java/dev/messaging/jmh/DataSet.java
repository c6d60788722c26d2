package dev.messaging.jmh;

import dev.messaging.Actor;
import dev.messaging.IdGenerator;
import dev.messaging.Messaging;
import dev.messaging.common.Tenant;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.NewConversation;
import dev.messaging.memory.InMemoryStore;
import dev.messaging.message.NewMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark data: one company/location with {@code messages} messages over
 * {@code messages / 100} customers (at least 50) with a skewed activity — a tenth of the
 * customers write 80% of the messages — written through the real API on a fixed clock with a
 * fixed seed: customer, user and system authors, internal notes, some deleted messages, and
 * {@code users} users with their own read state (each marks threads read as the data grows;
 * a few mark all read). The same parameters always give the same data.
 */
public final class DataSet {
    public static final String COMPANY = "bench-co";
    public static final String LOCATION = "bench-loc";
    public static final Tenant TENANT = new Tenant(COMPANY, LOCATION);
    static final long SEED = 20261124L;

    final int messages;
    final int users;
    final int customers;

    DataSet(int messages, int users) {
        this.messages = messages;
        this.users = users;
        this.customers = Math.max(50, messages / 100);
    }

    static Actor user(int i) {
        return Actor.user(COMPANY, LOCATION, "user-" + i);
    }

    static Actor customer(int i) {
        return Actor.customer(COMPANY, LOCATION, "cust-" + i);
    }

    /** A customer index with the skew: 80% of picks among the busiest tenth. */
    int pickCustomer(Random random) {
        int busy = Math.max(1, customers / 10);
        return random.nextInt(10) < 8 ? random.nextInt(busy) : busy + random.nextInt(customers - busy);
    }

    /** Writes the data set into a fresh in-memory store and returns it. */
    InMemoryStore build(Progress progress) {
        InMemoryStore store = new InMemoryStore();
        AtomicLong tick = new AtomicLong();
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return start.plus(Duration.ofSeconds(tick.incrementAndGet()));
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        AtomicLong ids = new AtomicLong();
        IdGenerator idGenerator = () -> String.format("b%010d", ids.incrementAndGet());
        Messaging messaging = Messaging.builder(store).clock(clock).ids(idGenerator).build();
        Random random = new Random(SEED);
        Actor system = Actor.system(COMPANY, LOCATION);
        Actor admin = user(0);
        String[] words = {"brakes", "tires", "oil", "invoice", "appointment", "quote", "engine", "battery", "wipers",
            "alignment", "pickup", "estimate", "warranty", "rental", "inspection"};
        List<String> conversationIds = new ArrayList<>(customers);
        for (int c = 0; c < customers; c++) {
            String customerId = "cust-" + c;
            conversationIds.add(messaging.conversations().create(admin, NewConversation.forCustomer(customerId)
                    .withContact(new Contact("person", "First" + c, "Last" + c, null, "cust" + c + "@example.com",
                            "+1555" + String.format("%07d", c), "en"))).id());
        }
        for (int i = 0; i < messages; i++) {
            int c = pickCustomer(random);
            String customerId = "cust-" + c;
            String text = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)]
                    + " message " + i;
            int kind = random.nextInt(100);
            String id;
            if (kind < 60) {
                id = messaging.messages().create(customer(c), NewMessage.to(customerId, text).build()).id();
            } else if (kind < 90) {
                Actor author = user(random.nextInt(users));
                id = messaging.messages().create(author, NewMessage.to(customerId, text)
                        .internal(kind >= 85).sendSms(kind < 85).build()).id();
            } else {
                id = messaging.messages().create(system, NewMessage.to(customerId, text).build()).id();
            }
            if (random.nextInt(50) == 0) {
                messaging.messages().delete(admin, id, "cleanup");
            }
            if (random.nextInt(20) == 0) {
                Actor reader = user(random.nextInt(users));
                messaging.threads().markRead(reader,
                        messaging.threads().threadId(reader, conversationIds.get(pickCustomer(random))));
            }
            if (i > 0 && i % Math.max(1, messages / 4) == 0) {
                messaging.threads().markAllRead(user(random.nextInt(users)));
            }
            if (progress != null && (i + 1) % 100_000 == 0) {
                progress.report("generated", i + 1, messages);
            }
        }
        return store;
    }

    /** Prints how far a long build got. */
    interface Progress {
        void report(String step, long done, long total);

        static Progress toStdout(String what) {
            long started = System.nanoTime();
            return (step, done, total) -> System.out.printf("[data %s] %s %,d / %,d (%.1f s)%n", what, step, done, total,
                    (System.nanoTime() - started) / 1e9);
        }
    }
}
