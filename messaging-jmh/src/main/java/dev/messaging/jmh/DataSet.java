package dev.messaging.jmh;

import dev.messaging.IdGenerator;
import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.common.Deletion;
import dev.messaging.common.Tenant;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.NewConversation;
import dev.messaging.history.ImportedConversation;
import dev.messaging.history.ImportedMessage;
import dev.messaging.history.ReadMark;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.notification.NotificationConfig;
import dev.messaging.spi.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The benchmark data: one company/location with {@code messages} messages over
 * {@code messages / 100} customers (at least 50) with a skewed activity — a tenth of the
 * customers write 80% of the messages — imported through the library's history import with a
 * fixed seed: customer, user and system authors, internal notes, some deleted messages, and
 * {@code users} users with their own read state (each has read some threads up to some time).
 * The same parameters always give the same data.
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

    /**
     * The data set as a history import: every customer's conversation with its messages (authors,
     * dates a second apart, internal notes, some deleted) and the users' read marks.
     */
    List<ImportedConversation> history() {
        Random random = new Random(SEED);
        Instant start = Instant.parse("2025-01-01T00:00:00Z");
        String[] words = {"brakes", "tires", "oil", "invoice", "appointment", "quote", "engine", "battery", "wipers",
            "alignment", "pickup", "estimate", "warranty", "rental", "inspection"};
        List<List<ImportedMessage>> messagesOf = new ArrayList<>(customers);
        List<Map<String, Instant>> readMarksOf = new ArrayList<>(customers);
        for (int c = 0; c < customers; c++) {
            messagesOf.add(new ArrayList<>());
            readMarksOf.add(new HashMap<>());
        }
        for (int i = 0; i < messages; i++) {
            int c = pickCustomer(random);
            String customerId = "cust-" + c;
            Instant at = start.plusSeconds(i);
            String text = words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)]
                    + " message " + i;
            int kind = random.nextInt(100);
            ImportedMessage m;
            if (kind < 60) {
                m = ImportedMessage.fromCustomer(at, NewMessage.to(customerId, text).build());
            } else if (kind < 90) {
                m = ImportedMessage.fromUser("user-" + random.nextInt(users), at, NewMessage.to(customerId, text)
                        .internal(kind >= 85).sendSms(kind < 85).build());
            } else {
                m = ImportedMessage.fromSystem(at, NewMessage.to(customerId, text).build());
            }
            if (random.nextInt(50) == 0) {
                m = m.deleted(new Deletion("user-0", at, "cleanup"));
            }
            messagesOf.get(c).add(m);
            if (random.nextInt(20) == 0) {
                readMarksOf.get(pickCustomer(random)).put("user-" + random.nextInt(users), at);
            }
        }
        List<ImportedConversation> history = new ArrayList<>(customers);
        for (int c = 0; c < customers; c++) {
            NewConversation conversation = NewConversation.forCustomer("cust-" + c)
                    .withContact(new Contact("person", "First" + c, "Last" + c, null, "cust" + c + "@example.com",
                            "+1555" + String.format("%07d", c), "en"));
            List<ReadMark> marks = readMarksOf.get(c).entrySet().stream()
                    .map(e -> new ReadMark(e.getKey(), e.getValue())).sorted(Comparator.comparing(ReadMark::userId))
                    .toList();
            history.add(new ImportedConversation(conversation, messagesOf.get(c), marks));
        }
        return history;
    }

    /** Imports the data set into {@code store} through the library, with deterministic ids. */
    void load(Store store, Progress progress) {
        AtomicLong ids = new AtomicLong();
        load(store, progress, () -> String.format("b%010d", ids.incrementAndGet()));
    }

    /** Imports the data set into {@code store} through the library, with ids from {@code idGenerator}. */
    void load(Store store, Progress progress, IdGenerator idGenerator) {
        Messaging messaging = Messaging.builder(store).ids(idGenerator).build();
        Actor system = Actor.system(COMPANY, LOCATION);
        List<ImportedConversation> history = history();
        int done = 0;
        int batch = Math.max(1, customers / 20);
        for (int from = 0; from < history.size(); from += batch) {
            List<ImportedConversation> part = history.subList(from, Math.min(history.size(), from + batch));
            messaging.imports().history(system, part);
            done += part.stream().mapToInt(c -> c.messages().size()).sum();
            if (progress != null) {
                progress.report("imported", done, messages);
            }
        }
        // not closed: closing the messaging would close the store the benchmark goes on with
    }

    /**
     * The data set grown through the API instead of imported, as a service's database grows: each
     * message created by one {@code messages().create} call (customers, users and the system
     * writing, with the same skew), users marking threads read as they go, staff notifications off
     * (with the defaults every thread holder would get three deliveries per customer message, and
     * the file would be mostly outbox), and nobody running {@code analyze()}.
     */
    void grow(Store store, Progress progress) {
        Messaging growing = Messaging.builder(store).build();
        for (int u = 0; u < users; u++) {
            Actor each = user(u);
            growing.notificationConfig().set(each, new NotificationConfig(each.userId(), false, false, false));
        }
        Random random = new Random(SEED);
        for (int i = 0; i < messages; i++) {
            int c = pickCustomer(random);
            int kind = random.nextInt(100);
            Actor author = kind < 60 ? customer(c)
                    : kind < 90 ? user(random.nextInt(users))
                    : Actor.system(COMPANY, LOCATION);
            Message m = growing.messages().create(author, NewMessage.to("cust-" + c, "message " + i).build());
            if (random.nextInt(20) == 0) {
                Actor reader = user(random.nextInt(users));
                growing.threads().markRead(reader, growing.threads().threadId(reader, m.conversationId()));
            }
            if ((i + 1) % 20_000 == 0) {
                progress.report("created", i + 1, messages);
            }
        }
        // not closed: closing the messaging would close the store
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
