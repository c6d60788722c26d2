package dev.messaging;

import java.util.UUID;

/** Makes the opaque unique ids of new records; inject a deterministic one in tests. */
@FunctionalInterface
public interface IdGenerator {
    String newId();

    /** Random UUIDs without dashes (the default). */
    static IdGenerator randomUuids() {
        return () -> UUID.randomUUID().toString().replace("-", "");
    }
}
