package dev.messaging.jdbi;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.delivery.SendResult;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.outbox.DeliveryWorker;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The child process of {@link SqliteWorkerCrashTest}: runs a delivery worker on a SQLite file whose
 * SMS "provider" prints {@code SENT key messageId .} for each delivery it is handed, before the
 * worker records the outcome. The message whose text is {@code hang} never returns from its send:
 * the test kills the process there, with that delivery handed over but its outcome unrecorded (and,
 * before it is handed over, every earlier outcome recorded).
 */
public final class CrashSender {
    static final String COMPANY = "crash-co";
    static final String LOCATION = "loc";

    private CrashSender() {
    }

    public static void main(String[] args) throws Exception {
        Duration lease = Duration.ofMillis(Long.parseLong(args[1]));
        List<String> handed = new CopyOnWriteArrayList<>();
        try (Messaging messaging = JdbiMessaging.sqlite(Path.of(args[0]));
                DeliveryWorker worker = messaging.deliveries().worker().lease(lease).batch(5)
                        .sender(DeliveryChannel.SMS, sms -> {
                            if (sms.text().equals("hang")) {
                                // the kill comes once the worker recorded all it had finished
                                awaitRecorded(messaging, handed);
                            }
                            handed.add(sms.message().id());
                            System.out.println("SENT " + sms.key() + " " + sms.message().id() + " .");
                            System.out.flush();
                            if (sms.text().equals("hang")) {
                                Thread.sleep(Long.MAX_VALUE);
                            }
                            return SendResult.sent("provider-" + sms.key());
                        }).start()) {
            System.out.println("READY .");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    private static void awaitRecorded(Messaging messaging, List<String> ids) throws InterruptedException {
        Actor reader = Actor.user(COMPANY, LOCATION, "auditor");
        while (!ids.stream().allMatch(id -> messaging.messages().find(reader, id).orElseThrow().sms().status()
                == DeliveryStatus.SENT)) {
            Thread.sleep(10);
        }
    }
}
