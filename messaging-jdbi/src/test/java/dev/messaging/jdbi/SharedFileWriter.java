package dev.messaging.jdbi;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.error.ConflictException;
import dev.messaging.inbox.InboxEntry;
import dev.messaging.inbox.InboxQuery;
import dev.messaging.message.Message;
import dev.messaging.message.NewMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The child process of {@link SqliteTwoProcessesTest}: one of two JVMs working on one SQLite file
 * at once. For {@code millis}, and at least {@value #MIN_OPERATIONS} operations however slow the
 * machine, it creates customer and user messages in conversations both
 * processes share, marks threads read, deletes its own messages and reads inbox pages (through
 * the store's row cache), checking each page it reads: every row whole (its message is its
 * conversation's last message) and its own last write visible. Then it waits for the other
 * process to finish ({@code done-*} files in the file's directory) and compares every user's whole
 * inbox read through its warm cache with the same inbox read by a store opened afresh. Prints
 * {@code RESULT ops failures stale mismatches}; a failure's stack trace goes to stderr.
 */
public final class SharedFileWriter {
    static final String COMPANY = "shared-co";
    static final String LOCATION = "loc";
    static final int CUSTOMERS = 12;
    static final int USERS = 3;
    /** The least work a child does, so that the two overlap on a loaded machine too. */
    static final int MIN_OPERATIONS = 100;

    private SharedFileWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        long millis = Long.parseLong(args[2]);
        int processes = Integer.parseInt(args[3]);
        Random random = new Random(seed);
        int ops = 0;
        int failures = 0;
        int stale = 0;
        int mismatches = 0;
        try (Messaging messaging = JdbiMessaging.sqlite(file)) {
            List<String> mine = new ArrayList<>();
            long end = System.nanoTime() + millis * 1_000_000;
            while (System.nanoTime() < end || ops < MIN_OPERATIONS) {
                Actor user = user(random.nextInt(USERS));
                String customer = "c" + random.nextInt(CUSTOMERS);
                int kind = random.nextInt(10);
                try {
                    if (kind < 6) {
                        Actor author = kind < 4 ? Actor.customer(COMPANY, LOCATION, customer) : user;
                        Message m = messaging.messages().create(author,
                                NewMessage.to(customer, "from " + seed + " #" + ops).build());
                        mine.add(m.id());
                        if (!showsOwnWrite(messaging, user, m)) {
                            stale++;
                        }
                    } else if (kind < 8) {
                        List<InboxEntry> page = messaging.inbox().list(user, InboxQuery.all()).items();
                        if (!page.isEmpty()) {
                            String conversation = page.get(random.nextInt(page.size())).conversation().id();
                            messaging.threads().markRead(user, messaging.threads().threadId(user, conversation));
                        }
                    } else if (kind < 9 && !mine.isEmpty()) {
                        messaging.messages().delete(user, mine.remove(random.nextInt(mine.size())), "two processes");
                    } else {
                        for (InboxEntry entry : messaging.inbox().list(user, InboxQuery.all()).items()) {
                            if (!entry.message().id().equals(entry.conversation().lastMessageId())) {
                                stale++;
                            }
                        }
                    }
                    ops++;
                } catch (ConflictException e) {
                    ops++; // the other process changed the same row first: the rules' answer, not a failure
                } catch (RuntimeException e) {
                    failures++;
                    e.printStackTrace();
                }
            }
            Files.writeString(file.resolveSibling("done-" + seed), "done");
            long wait = System.nanoTime() + 60_000_000_000L;
            while (doneCount(file) < processes && System.nanoTime() < wait) {
                Thread.sleep(20);
            }
            try (Messaging fresh = JdbiMessaging.sqlite(file)) {
                for (int u = 0; u < USERS; u++) {
                    InboxQuery all = InboxQuery.all().limit(100);
                    if (!messaging.inbox().list(user(u), all).items().equals(fresh.inbox().list(user(u), all).items())) {
                        mismatches++;
                    }
                }
            }
        }
        System.out.println("RESULT " + ops + " " + failures + " " + stale + " " + mismatches);
    }

    static Actor user(int i) {
        return Actor.user(COMPANY, LOCATION, "user-" + i);
    }

    /** Whether a page read right after {@code m} was created shows it, or a newer message, as its conversation's last. */
    private static boolean showsOwnWrite(Messaging messaging, Actor user, Message m) {
        for (InboxEntry entry : messaging.inbox().list(user, InboxQuery.all()).items()) {
            if (entry.conversation().id().equals(m.conversationId())) {
                return !entry.conversation().lastMessageDate().isBefore(m.createdDate())
                        && entry.message().id().equals(entry.conversation().lastMessageId());
            }
        }
        return false;
    }

    private static long doneCount(Path file) throws IOException {
        try (var names = Files.list(file.getParent())) {
            return names.filter(p -> p.getFileName().toString().startsWith("done-")).count();
        }
    }
}
