package dev.messaging.error;

/**
 * Why a subscription ended (its {@code failure()}): its listener took changes more slowly than the
 * tenant's writes came, and a change waited for it longer than the configured lag. Nothing was skipped:
 * subscribe again from the subscription's {@code lastSequence()} (final once it reports not open)
 * and the listener gets every change after the last one it took.
 */
public final class FellBehindException extends MessagingException {
    private static final long serialVersionUID = 1L;

    /** A subscription ended with {@code waiting} changes not yet taken, the last taken {@code lastSequence}. */
    public FellBehindException(int waiting, long lastSequence) {
        super("the subscription's listener fell behind: a change waited for it longer than its lag allows ("
                + waiting + " were queued); subscribe again from its lastSequence() (" + lastSequence
                + " when it ended)");
    }
}
