package dev.messaging.change;

/** Takes the changes of a subscription, one at a time, in sequence order. */
@FunctionalInterface
public interface ChangeListener {
    /** Takes one change; a throw stops the subscription, which keeps the failure (this change is the next one). */
    void onChange(Change change) throws Exception;
}
