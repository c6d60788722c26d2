package dev.messaging.contract;

import dev.messaging.IdGenerator;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deterministic ids in creation order (a random prefix per instance keeps tests that share a
 * database apart): {@code <prefix>-000001}, {@code <prefix>-000002}, ...
 */
public final class SequentialIds implements IdGenerator {
    private final String prefix = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong next = new AtomicLong();

    @Override
    public String newId() {
        return String.format("%s-%06d", prefix, next.incrementAndGet());
    }
}
