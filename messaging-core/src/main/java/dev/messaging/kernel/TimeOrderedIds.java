package dev.messaging.kernel;

import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ids in the layout of a UUID version 7, as 32 lowercase hex digits: the Unix time in milliseconds
 * (48 bits), the version, a 12-bit sequence that keeps ids of one millisecond in order, the variant
 * and 62 random bits. Ids made later sort later, so a store's inserts append to the end of its
 * B-trees instead of landing on random pages (the cost of random UUIDs at a million rows); the
 * random bits keep them unique across instances.
 */
public final class TimeOrderedIds {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    /** The last (milliseconds << 12 | sequence) handed out: ids of this instance never go backwards. */
    private final AtomicLong last = new AtomicLong();
    private final long seed = new SecureRandom().nextLong();

    /** A new id: 32 hex digits, later ids of this instance sorting later. */
    public String newId() {
        long now = System.currentTimeMillis() << 12;
        long stamp = last.updateAndGet(previous -> Math.max(now, previous + 1));
        long high = (stamp >>> 12) << 16 | 0x7000L | stamp & 0xfffL;
        long low = (ThreadLocalRandom.current().nextLong() ^ seed) & 0x3fffffffffffffffL | 0x8000000000000000L;
        char[] id = new char[32];
        hex(high, id, 0);
        hex(low, id, 16);
        return new String(id);
    }

    private static void hex(long value, char[] into, int at) {
        for (int i = 15; i >= 0; i--) {
            into[at + i] = HEX[(int) (value & 0xf)];
            value >>>= 4;
        }
    }
}
