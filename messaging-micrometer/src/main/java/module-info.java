/**
 * Micrometer meters of the outbox of {@code dev.messaging.core}: start at
 * {@link dev.messaging.micrometer.OutboxMetrics}.
 */
module dev.messaging.micrometer {
    requires transitive dev.messaging.core;
    requires transitive micrometer.core;

    exports dev.messaging.micrometer;
}
