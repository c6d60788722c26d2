package dev.messaging.jdbi;

import dev.messaging.IdGenerator;
import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.ConversationChannel;
import dev.messaging.conversation.ConversationUpdate;
import dev.messaging.conversation.NewConversation;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.inbox.InboxView;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.DeliveryUpdate;
import dev.messaging.message.EmailDetails;
import dev.messaging.message.EmailOptions;
import dev.messaging.message.Message;
import dev.messaging.message.MessageFile;
import dev.messaging.message.MessageOrigin;
import dev.messaging.message.MessageQuery;
import dev.messaging.message.NewMessage;
import dev.messaging.message.OrderRef;
import dev.messaging.message.OrderShareType;
import dev.messaging.notification.NotificationConfig;
import dev.messaging.spi.Store;
import dev.messaging.testing.SettableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The data set of the committed schema-v1 database ({@code src/test/resources/db/v1-populated.db}):
 * a fixed script on a fixed clock with fixed ids, touching every table and JSON column. The file was
 * written by {@link #main} with the module's test classpath; it must not change once released
 * (later schema versions are migrations tested against it).
 */
final class V1Fixture {
    static final Actor ALICE = Actor.user("acme", "downtown", "alice");
    static final Actor BOB = Actor.user("acme", "downtown", "bob");
    static final Actor SYSTEM = Actor.system("acme", "downtown");

    private V1Fixture() {
    }

    /** A messaging over {@code store} with the fixture's clock and ids. */
    static Messaging messaging(Store store, SettableClock clock) {
        AtomicLong next = new AtomicLong();
        IdGenerator ids = () -> String.format("v1-%04d", next.incrementAndGet());
        return Messaging.builder(store).clock(clock).ids(ids).build();
    }

    static SettableClock clock() {
        return new SettableClock(Instant.parse("2026-03-01T08:00:00Z"));
    }

    /** Writes the data set. */
    static void populate(Messaging m, SettableClock clock) {
        Runnable tick = () -> clock.advance(Duration.ofMinutes(1));
        Actor ann = Actor.customer("acme", "downtown", "ann");
        Actor ben = Actor.customer("acme", "downtown", "ben");
        m.conversations().create(ALICE, NewConversation.forCustomer("ann").withChannel(ConversationChannel.TYPE_PHONE)
                .withContact(new Contact("person", "Ann", "Émile", null, "ann@example.com", "+15550001", "fr")));
        tick.run();
        Message first = m.messages().create(ann, NewMessage.to("ann", "Bonjour, my brakes squeal").build());
        tick.run();
        m.messages().create(ann, NewMessage.to("ann", "Also the horn").clientMessageId("ann-2").build());
        tick.run();
        Message reply = m.messages().create(ALICE, NewMessage.to("ann", "Bring it in at 9").sendSms(true)
                .sendEmail(true).userColor("#00aa00")
                .files(List.of(new MessageFile("f1", "https://files.example/f1", "https://files.example/f1t", 2048L,
                        "image/jpeg", "brakes.jpg")))
                .emailOptions(EmailOptions.subject("Appointment").withDetails(new EmailDetails("alt-1", "thr-1",
                        "text/plain", List.of("https://files.example/f1"), "Gmail", "shop@example.com",
                        List.of("ann@example.com"), List.of(), List.of(), null, "app", "prov-1")))
                .metadata(Map.of("source", "fixture")).order(OrderRef.share("o-1", "1001", OrderShareType.ORDER))
                .build());
        tick.run();
        m.messages().updateDelivery(SYSTEM, reply.id(), DeliveryUpdate.sms(DeliveryStatus.SENT));
        tick.run();
        m.messages().updateDelivery(SYSTEM, reply.id(), DeliveryUpdate.email(DeliveryStatus.ERROR).withError("bounced"));
        tick.run();
        m.threads().markRead(ALICE, m.threads().threadId(ALICE, first.conversationId()));
        tick.run();
        Message ben1 = m.messages().create(ben, NewMessage.to("ben", "Quote for tires?").origin(MessageOrigin.SMS).build());
        tick.run();
        Message oops = m.messages().create(ben, NewMessage.to("ben", "wrong number").build());
        tick.run();
        m.messages().delete(ALICE, oops.id(), "spam");
        tick.run();
        m.messages().create(ALICE, NewMessage.to("ben", "call him back").internal(true).build());
        tick.run();
        m.threads().setImportant(BOB, m.threads().threadId(BOB, ben1.conversationId()), true);
        tick.run();
        m.messages().create(SYSTEM, NewMessage.to("cara", "Imported hello").imported(true)
                .createdDate(Instant.parse("2025-12-24T10:00:00Z")).build());
        tick.run();
        m.conversations().update(ALICE, ben1.conversationId(), ConversationUpdate.empty().assignedTo("bob"));
        tick.run();
        m.threads().setArchived(ALICE, m.threads().threadId(ALICE, ben1.conversationId()), true);
        tick.run();
        m.threads().markAllRead(BOB);
        tick.run();
        m.messages().create(ben, NewMessage.to("ben", "Any news?").build());
        tick.run();
        m.notificationConfig().set(BOB, new NotificationConfig("bob", false, true, true));
    }

    /** Everything a user can read of the data set, for comparing two stores. */
    static List<Object> readAll(Messaging m) {
        List<Object> all = new ArrayList<>();
        for (Actor user : List.of(ALICE, BOB)) {
            var entries = m.inbox().list(user, InboxQuery.all().view(InboxView.ALL)).items();
            all.add(entries);
            for (var entry : entries) {
                all.add(m.messages().list(user, entry.conversation().id(), MessageQuery.first().includeDeleted()).items());
            }
            all.add(m.threads().unreadTotal(user));
            all.add(m.notificationConfig().get(user, user.userId()));
        }
        all.add(m.changes().since(ALICE, 0, 100));
        return all;
    }

    /** Writes the v1 database file: {@code main(path)}. */
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args.length > 0 ? args[0] : "messaging-jdbi/src/test/resources/db/v1-populated.db");
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        SettableClock clock = clock();
        try (Messaging m = messaging(JdbiStore.sqlite(file), clock)) {
            populate(m, clock);
        }
        if (Files.exists(Path.of(file + "-wal"))) {
            throw new IllegalStateException("the WAL was not checkpointed into " + file);
        }
    }
}
