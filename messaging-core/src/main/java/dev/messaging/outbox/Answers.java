package dev.messaging.outbox;

import dev.messaging.common.Texts;
import dev.messaging.delivery.Outgoing;
import dev.messaging.delivery.SendResult;
import java.time.Duration;

/**
 * What the outbox keeps of a sender's answer, so that every answer ends in a recorded outcome
 * instead of being refused (and the delivery sent again at every lease, for ever). A sender may
 * return anything: no result, a Sent without a usable provider id, a reason the store cannot keep.
 *
 * <ul>
 * <li>No result: a retry later ("the sender returned no result").</li>
 * <li>Sent with a provider id that is missing, blank, longer than an id may be or with a character
 *     no id may hold: Sent, under {@code unusable-} and the delivery's key (unique, so it keeps the
 *     provider-id index unique; callbacks with the provider's own id will not find it).</li>
 * <li>A reason (of a retry or a failure, or a thrown exception's message) with characters no text
 *     may hold: they become U+FFFD; one longer than {@value #MAX_REASON} characters is cut there.</li>
 * <li>A Retry-After that is not a positive wait: left out (the retry policy's backoff applies).</li>
 * </ul>
 */
final class Answers {
    /** The longest reason kept, in characters: enough for a provider's error, short of the text limit. */
    static final int MAX_REASON = 2_000;

    private Answers() {
    }

    /** {@code result} in a form the outbox records (see the class comment). */
    static SendResult safe(SendResult result, Outgoing outgoing) {
        if (result == null || result.kind() == null) {
            return SendResult.retryLater("the sender returned no result");
        }
        if (result.kind() == SendResult.Kind.SENT) {
            String id = result.providerMessageId();
            return SendResult.sent(id == null || Texts.idProblem(id) != null ? "unusable-" + outgoing.key() : id);
        }
        String reason = reason(result.reason());
        if (result.kind() == SendResult.Kind.FAILED) {
            return SendResult.failed(reason);
        }
        if (result.kind() == SendResult.Kind.OPTED_OUT) {
            return SendResult.optedOut(reason);
        }
        Duration after = result.retryAfter();
        return SendResult.retryLater(reason, after == null || after.isNegative() || after.isZero() ? null : after);
    }

    /** What a sender that threw {@code thrown} is retried with. */
    static SendResult thrown(Throwable thrown) {
        String message = thrown.getMessage();
        return SendResult.retryLater(reason(thrown.getClass().getName() + (message == null ? "" : ": " + message)));
    }

    /** {@code reason} with every character no text may hold replaced, cut at {@value #MAX_REASON}; null stays null. */
    static String reason(String reason) {
        if (reason == null) {
            return null;
        }
        String cut = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        if (Texts.problemOf(cut) == null) {
            return cut;
        }
        StringBuilder safe = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < cut.length()
                    && Character.isLowSurrogate(cut.charAt(i + 1));
            if (pair) {
                safe.append(c).append(cut.charAt(++i));
            } else if (Character.isSurrogate(c) || Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\n') {
                safe.append('\uFFFD');
            } else {
                safe.append(c);
            }
        }
        return safe.toString();
    }
}
