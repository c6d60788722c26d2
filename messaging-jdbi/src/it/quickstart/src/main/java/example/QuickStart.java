package example;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.common.Page;
import dev.messaging.delivery.LocationSettings;
import dev.messaging.inbox.InboxEntry;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.jdbi.JdbiMessaging;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.outlet.Outlet;
import dev.messaging.thread.ThreadMetadata;
import java.nio.file.Path;

/** The README's quick start: a conversation in memory, then one on a SQLite file. */
public final class QuickStart {
    private QuickStart() {
    }

    public static void main(String[] args) {
        try (Messaging messaging = Messaging.inMemory()) {
            Actor shop = Actor.user("acme", "downtown", "user-1");
            Actor customer = Actor.customer("acme", "downtown", "customer-42");

            // The customer writes in; their conversation is created on the way.
            Message hello = messaging.messages().create(customer,
                    NewMessage.to("customer-42", "Is my car ready?").build());

            // The user's inbox: one row per conversation, newest first, with the unread count.
            Page<InboxEntry> inbox = messaging.inbox().list(shop, InboxQuery.all());
            InboxEntry top = inbox.items().get(0);
            System.out.println(top.message().text() + " unread="
                    + top.messageThreadMetadata().unreadMessagesCount()); // Is my car ready? unread=1

            // The user reads the thread and answers.
            ThreadMetadata read = messaging.threads().markRead(shop, top.messageThreadMetadata().id());
            messaging.messages().create(shop, NewMessage.to("customer-42", "Yes, come by at 5.").sendSms(true).build());
        }
        Path file = Path.of(args.length > 0 ? args[0] : "target/quickstart.db");
        try (Messaging messaging = JdbiMessaging.sqlite(file)) {
            Actor customer = Actor.customer("acme", "downtown", "customer-42");
            messaging.messages().create(customer, NewMessage.to("customer-42", "Stored on disk?").build());
            Actor shop = Actor.user("acme", "downtown", "user-1");
            System.out.println("sqlite unread=" + messaging.threads().unreadTotal(shop));
            // (beyond the README: the settings tables' statements, which Jdbi's SqlObject runs, on the module path)
            messaging.outlets().set(shop, new Outlet("front", "Front desk", true, 1));
            messaging.consents().createCategory(shop, "Offers " + System.nanoTime(), null, null, null);
            messaging.deliverySettings().set(shop, LocationSettings.defaults());
            System.out.println("outlets=" + messaging.outlets().list(shop).size() + " categories="
                    + messaging.consents().categories(shop).size() + " zone="
                    + messaging.deliverySettings().get(shop).timeZone());
        }
    }
}
