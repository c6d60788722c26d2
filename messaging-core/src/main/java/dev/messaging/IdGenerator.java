package dev.messaging;

import dev.messaging.kernel.TimeOrderedIds;
import java.util.UUID;

/** Makes the opaque unique ids of new records; inject a deterministic one in tests. */
@FunctionalInterface
public interface IdGenerator {
    /** A new id, unique and opaque (at most 128 characters, no control character). */
    String newId();

    /** Random UUIDs (version 4) without dashes. */
    static IdGenerator randomUuids() {
        return () -> UUID.randomUUID().toString().replace("-", "");
    }

    /**
     * Time-ordered ids (the default): UUID version 7 layout, 32 hex digits, later ids sorting
     * later, so that stores append rather than insert at random places (see {@code TimeOrderedIds}).
     */
    static IdGenerator timeOrdered() {
        return new TimeOrderedIds()::newId;
    }
}
