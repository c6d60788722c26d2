package dev.messaging.change;

/** Takes the changes of a subscription, one at a time, in sequence order. */
@FunctionalInterface
public interface ChangeListener {
    void onChange(Change change) throws Exception;
}
