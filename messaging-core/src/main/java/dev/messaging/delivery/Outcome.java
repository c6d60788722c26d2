package dev.messaging.delivery;

/** A claimed delivery and what its sender said of it: one entry of a batch of outcomes. */
public record Outcome(Outgoing claimed, SendResult result) {
}
