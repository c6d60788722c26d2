package dev.messaging.jdbi;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.error.ConflictException;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import dev.messaging.thread.ThreadMetadata;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The child process of {@link SqliteCrashTest}: writes to a SQLite file until it is killed, and
 * prints one line per acknowledged write (the call returned, so the transaction committed):
 * {@code MSG id .}, {@code DEL id .}, {@code READ threadId userId version .}. The trailing dot marks a
 * line written whole; a line the kill cut short has none.
 */
public final class CrashWriter {
    static final String COMPANY = "crash-co";
    static final String LOCATION = "loc";

    private CrashWriter() {
    }

    /** Writers at once, so that the kill also lands in transactions the single writer shares (group commit). */
    static final int THREADS = 4;

    public static void main(String[] args) throws InterruptedException {
        Path file = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        try (Messaging messaging = JdbiMessaging.sqlite(file)) {
            List<Thread> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                Random random = new Random(seed + t);
                Thread writer = new Thread(() -> write(messaging, random), "crash-writer-" + t);
                writer.start();
                writers.add(writer);
            }
            System.out.println("READY .");
            System.out.flush();
            for (Thread writer : writers) {
                writer.join();
            }
        }
    }

    private static void write(Messaging messaging, Random random) {
        Actor user = Actor.user(COMPANY, LOCATION, "user-" + random.nextInt(3));
        List<String> messages = new ArrayList<>();
        List<String> conversations = new ArrayList<>();
        while (true) {
            int kind = random.nextInt(10);
            String customer = "c" + random.nextInt(20);
            try {
                if (kind < 7) {
                    Actor author = kind < 5 ? Actor.customer(COMPANY, LOCATION, customer) : user;
                    Message m = messaging.messages().create(author, NewMessage.to(customer, "text " + kind).build());
                    messages.add(m.id());
                    conversations.add(m.conversationId());
                    System.out.println("MSG " + m.id() + " .");
                } else if (kind < 9 && !conversations.isEmpty()) {
                    String thread = messaging.threads().threadId(user,
                            conversations.get(random.nextInt(conversations.size())));
                    ThreadMetadata read = messaging.threads().markRead(user, thread);
                    System.out.println("READ " + thread + " " + user.userId() + " " + read.version() + " .");
                } else if (!messages.isEmpty()) {
                    String id = messages.remove(random.nextInt(messages.size()));
                    messaging.messages().delete(user, id, "crash test");
                    System.out.println("DEL " + id + " .");
                }
            } catch (ConflictException e) {
                // another writer thread changed the same thread first: not acknowledged, nothing printed
            }
            System.out.flush();
        }
    }
}
