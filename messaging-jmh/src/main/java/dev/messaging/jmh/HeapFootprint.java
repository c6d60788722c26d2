package dev.messaging.jmh;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.memory.InMemoryStore;
import dev.messaging.message.NewMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;

/**
 * Heap the in-memory store retains per message: customer messages created through the API (10,000
 * customers, texts of about 25 characters, the library's default ids), the heap used after a full
 * GC measured before and after, divided by the number of messages.
 *
 * <p>Run: {@code java -Xmx8g -cp messaging-jmh/target/benchmarks.jar dev.messaging.jmh.HeapFootprint 1000000}.
 */
public final class HeapFootprint {
    private static final int CUSTOMERS = 10_000;

    private HeapFootprint() {
    }

    public static void main(String[] args) {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        long before = usedAfterGc();
        Messaging messaging = Messaging.builder(new InMemoryStore()).build();
        for (int i = 0; i < messages; i++) {
            String customerId = "cust-" + i % CUSTOMERS;
            messaging.messages().create(Actor.customer(DataSet.COMPANY, DataSet.LOCATION, customerId),
                    NewMessage.to(customerId, String.format("is my car ready? #%08d", i)).build());
        }
        long after = usedAfterGc();
        System.out.printf("%,d messages in %,d conversations: %,d bytes retained, %,.0f bytes per message%n",
                messages, Math.min(messages, CUSTOMERS), after - before, (double) (after - before) / messages);
        messaging.close();
    }

    /** The heap used after a full GC (the least of five, so that one late collection does not count). */
    static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
