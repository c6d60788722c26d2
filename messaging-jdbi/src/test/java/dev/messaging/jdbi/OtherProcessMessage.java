package dev.messaging.jdbi;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.message.NewMessage;
import java.nio.file.Path;

/**
 * The child process of {@link SqliteOtherProcessWakeTest}: opens the SQLite file, writes one
 * customer message of {@code shared-co/loc}, prints {@code WROTE} and exits.
 */
public final class OtherProcessMessage {
    private OtherProcessMessage() {
    }

    public static void main(String[] args) {
        try (Messaging messaging = JdbiMessaging.sqlite(Path.of(args[0]))) {
            messaging.messages().create(Actor.customer("shared-co", "loc", "c1"),
                    NewMessage.to("c1", "from the other process").build());
        }
        System.out.println("WROTE");
    }
}
