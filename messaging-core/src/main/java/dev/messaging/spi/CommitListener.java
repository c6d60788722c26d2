package dev.messaging.spi;

import dev.messaging.common.Tenant;

/** Told by a store of a write another instance committed to the same database (see {@link Store#listen}). */
@FunctionalInterface
public interface CommitListener {
    /**
     * A write of {@code tenant} committed elsewhere (null: maybe any tenant, while the store cannot
     * listen); {@code outbox}: it may have put deliveries in the outbox.
     */
    void committed(Tenant tenant, boolean outbox);
}
