package dev.messaging.outbox;

import dev.messaging.common.Actor;
import dev.messaging.conversation.Conversation;
import dev.messaging.delivery.Delivery;
import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryStatus;
import dev.messaging.message.Message;
import dev.messaging.spi.MessageRow;
import dev.messaging.spi.StoreTransaction;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the message rules ask of the outbox: the one door between the two wings. Every call but
 * {@link #changeScheduled} and {@link #wake} runs inside the message's own store transaction, so
 * a message and its deliveries commit together. Its calls take a {@link StoreTransaction}, which
 * only the library holds: a service uses {@link Deliveries} instead.
 */
public interface MessageOutbox {

    /** The deliveries a new message will write, and the message with its sends' starting statuses. */
    record Plan(Message message, List<Delivery> deliveries) {
    }

    /**
     * A scheduled message and the sends it was checked with: a caller changes exactly these
     * (read once), so a claim that moved one since loses it the write.
     */
    record Scheduled(MessageRow row, List<Delivery> sends) {
    }

    /** A change of a scheduled message, inside its transaction. */
    @FunctionalInterface
    interface ScheduledChange {
        /** Changes {@code scheduled} in {@code tx}; returns the message as saved. */
        Message apply(StoreTransaction tx, Scheduled scheduled, Instant now);
    }

    /** The door of {@code deliveries}' outbox, for the message rules of the same {@code Messaging}. */
    static MessageOutbox of(Deliveries deliveries) {
        return deliveries.outbox();
    }

    /** Plans the sends of a new User's or System's message (none for an import or an internal note). */
    Plan plan(StoreTransaction tx, Message message, Instant now);

    /**
     * Writes the planned deliveries of a new message and the staff notifications (and the stop or
     * start keyword) of a customer's; true when one of them waits to be sent (call {@link #wake}
     * after the commit).
     */
    boolean write(StoreTransaction tx, Actor actor, Plan plan, Conversation conversation, Instant now);

    /**
     * The answer to {@code message} when it is an inbound SMS whose whole text is HELP or INFO (matched
     * as stop keywords are) and the messaging was configured with one; else empty.
     */
    Optional<String> helpReply(Message message);

    /** Wakes the idle delivery workers of this instance (after a commit that wrote deliveries). */
    void wake();

    /**
     * Moves a message's send on {@code channel} to {@code status}, if that is forward, appending to
     * its history; returns the message as saved (or unchanged) and records the change.
     */
    Message moveSend(StoreTransaction tx, Actor actor, MessageRow row, DeliveryChannel channel, DeliveryStatus status,
            String error, Instant now);

    /**
     * A provider's report on a message's send on {@code channel}: its delivery moves to
     * {@code status} if that is forward (so a send reported Delivered or Error is not handed to a
     * sender again), and the message's send with it; a send without a delivery (imported) moves
     * alone. Run it in {@link #retrying}: a claim may move the delivery under it.
     */
    Message report(StoreTransaction tx, Actor actor, MessageRow row, DeliveryChannel channel, DeliveryStatus status,
            String error, Instant now);

    /** Runs {@code work} in a write transaction of the actor's tenant, again when a claim moved one of its deliveries. */
    <T> T retrying(Actor actor, Function<StoreTransaction, T> work);

    /**
     * Runs {@code change} on the message if {@code actor} wrote it and all its sends are Scheduled
     * and unclaimed; else not found, forbidden or a conflict. A claim that takes one of its sends
     * first makes it a conflict, and nothing changes.
     */
    Message changeScheduled(Actor actor, String messageId, ScheduledChange change);

    /** Holds a scheduled send against a claim racing the caller's change: one of the two wins. */
    void hold(StoreTransaction tx, Delivery send, Instant now);
}
