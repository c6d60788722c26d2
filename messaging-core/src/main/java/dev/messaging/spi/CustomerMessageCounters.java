package dev.messaging.spi;

/**
 * Per-conversation bookkeeping that makes unread counts exact without a write per user: the
 * customer messages of a conversation are numbered 1, 2, 3... ({@code customerCount} is the
 * highest number given), and users keep only horizons against these numbers.
 *
 * @param customerCount           customer messages ever numbered in the conversation
 * @param deletedCustomerCount    how many of them are deleted now
 * @param lastLiveCustomerNumber  the number of the newest live customer message, 0 if none
 * @param lastLiveCustomerFeedSeq the change-feed sequence that created that message, 0 if none
 * @param lastCustomerFeedSeq     the change-feed sequence of the newest customer message ever
 *                                created (deleted or not); a user's archive older than it is void
 * @param shopReadNumber          the shop-wide horizon: customer messages numbered up to it are
 *                                {@code shopRead}
 */
public record CustomerMessageCounters(
        int customerCount,
        int deletedCustomerCount,
        int lastLiveCustomerNumber,
        long lastLiveCustomerFeedSeq,
        long lastCustomerFeedSeq,
        int shopReadNumber) {

    public static final CustomerMessageCounters NONE = new CustomerMessageCounters(0, 0, 0, 0, 0, 0);
}
