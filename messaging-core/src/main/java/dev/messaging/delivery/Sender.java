package dev.messaging.delivery;

/** What a service plugs in per channel: sends one delivery through its provider and says how it went. */
@FunctionalInterface
public interface Sender {
    SendResult send(Outgoing outgoing) throws Exception;
}
