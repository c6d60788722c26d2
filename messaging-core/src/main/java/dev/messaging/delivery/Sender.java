package dev.messaging.delivery;

/** What a service plugs in per channel: sends one delivery through its provider and says how it went. */
@FunctionalInterface
public interface Sender {
    /**
     * Sends {@code outgoing} through the provider (hand it {@code outgoing.key()} as the idempotency key) and
     * says how it went; a throw counts as a retry later.
     */
    SendResult send(Outgoing outgoing) throws Exception;
}
