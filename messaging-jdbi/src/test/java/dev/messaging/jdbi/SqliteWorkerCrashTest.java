package dev.messaging.jdbi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.NewConversation;
import dev.messaging.delivery.SendResult;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.outbox.DeliveryWorker;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A worker process is SIGKILLed while its provider holds a delivery whose outcome it never
 * recorded. After the lease lapses, a worker in this process hands the provider that delivery
 * again with the same key, sends what the dead worker never reached, and sends nothing twice
 * whose outcome was recorded.
 */
class SqliteWorkerCrashTest {
    private static final String COMPANY = CrashSender.COMPANY;
    private static final String LOCATION = CrashSender.LOCATION;
    private static final Duration LEASE = Duration.ofSeconds(2);

    @Test
    void aKilledWorkersDeliveryIsHandedOverAgainWithTheSameKey() throws Exception {
        Path file = TestDatabases.newSqliteFile();
        Actor alice = Actor.user(COMPANY, LOCATION, "alice");
        List<String> ids = new ArrayList<>();
        String hang;
        try (Messaging messaging = JdbiMessaging.sqlite(file)) {
            for (int c = 0; c < 3; c++) {
                messaging.conversations().create(alice, NewConversation.forCustomer("c" + c)
                        .withContact(new Contact("person", null, null, null, null, "+1555010" + c, null)));
            }
            for (int i = 0; i < 20; i++) {
                String text = i == 7 ? "hang" : "message " + i;
                ids.add(messaging.messages().create(alice, NewMessage.to("c" + (i % 3), text).sendSms(true).build()).id());
            }
            hang = ids.get(7);
        }

        Map<String, String> childSent = runAndKillAt(file, hang); // key -> message id, as the provider saw them

        Map<String, String> parentSent = new ConcurrentHashMap<>();
        try (Messaging messaging = JdbiMessaging.sqlite(file)) {
            assertThat(messaging.messages().find(alice, hang).orElseThrow().sms().status())
                    .as("the outcome of the send in flight at the kill").isEqualTo(DeliveryStatus.PENDING);
            try (DeliveryWorker worker = messaging.deliveries().worker().idlePoll(Duration.ofMillis(100))
                    .sender(DeliveryChannel.SMS, sms -> {
                        parentSent.put(sms.key(), sms.message().id());
                        return SendResult.sent("provider-" + sms.key());
                    }).start()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!allSent(messaging, alice, ids) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
            }
            assertThat(ids).allSatisfy(id -> assertThat(messaging.messages().find(alice, id).orElseThrow().sms().status())
                    .as("message %s", id).isEqualTo(DeliveryStatus.SENT));
            String hangKey = messaging.deliveries().of(alice, hang).get(0).id();
            assertThat(childSent).containsEntry(hangKey, hang);
            assertThat(parentSent).as("the send in flight, handed over again").containsEntry(hangKey, hang);
            Set<String> both = new HashSet<>(childSent.keySet());
            both.retainAll(parentSent.keySet());
            assertThat(both).as("handed to the provider by both workers").containsExactly(hangKey);
            Map<String, String> all = new HashMap<>(childSent);
            all.putAll(parentSent);
            assertThat(all.values()).as("every message handed to the provider, under one key each")
                    .containsExactlyInAnyOrderElementsOf(ids);
        }
    }

    private static boolean allSent(Messaging messaging, Actor actor, List<String> ids) {
        return ids.stream().map(id -> messaging.messages().find(actor, id).orElseThrow())
                .map(Message::sms).allMatch(s -> s.status() == DeliveryStatus.SENT);
    }

    /** Runs the child worker until its provider holds {@code hang}, then SIGKILLs it; the provider's log. */
    private static Map<String, String> runAndKillAt(Path file, String hang) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classpath, CrashSender.class.getName(), file.toString(), String.valueOf(LEASE.toMillis()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Map<String, String> sent = new ConcurrentHashMap<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    String[] parts = line.split(" ");
                    if (parts[0].equals("SENT") && line.endsWith(" .")) {
                        sent.put(parts[1], parts[2]);
                    }
                }
            } catch (IOException e) {
                // the pipe closes when the child is killed
            }
        });
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!sent.containsValue(hang) && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(20);
        }
        assertThat(sent).as("the child handed the provider the hanging send").containsValue(hang);
        child.destroyForcibly(); // SIGKILL: the worker records nothing more
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        reader.join(10_000);
        return sent;
    }
}
