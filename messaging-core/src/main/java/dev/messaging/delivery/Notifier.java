package dev.messaging.delivery;

/**
 * Tells staff users of what their notification settings ask for (a customer wrote), apart from the
 * {@link Sender}s that reach customers: a worker hands staff notifications only to its notifier,
 * never to a customer sender. Register it with {@code DeliveryWorker.Builder.notifier}.
 */
@FunctionalInterface
public interface Notifier {
    /**
     * Tells {@code notification.recipientUserId()} (never null: the staff user) on
     * {@code notification.channel()} about {@code notification.message()} (the customer's message),
     * with {@code notification.key()} as the idempotency key, and says how it went; a throw counts
     * as a retry later.
     */
    SendResult notify(Outgoing notification) throws Exception;
}
