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

    /** After a live customer message numbered {@code number} was created by feed sequence {@code seq}. */
    public CustomerMessageCounters afterCustomerMessage(int number, long seq) {
        return new CustomerMessageCounters(number, deletedCustomerCount, number, seq, seq, shopReadNumber);
    }

    /** After a customer message numbered {@code number} was created deleted (an imported deletion). */
    public CustomerMessageCounters afterDeletedCustomerMessage(int number, long seq) {
        return new CustomerMessageCounters(number, deletedCustomerCount + 1, lastLiveCustomerNumber,
                lastLiveCustomerFeedSeq, seq, shopReadNumber);
    }

    /** After a customer message was deleted; the newest live one is now {@code lastLive} (0 if none). */
    public CustomerMessageCounters afterDelete(int lastLive, long lastLiveSeq) {
        return new CustomerMessageCounters(customerCount, deletedCustomerCount + 1, lastLive, lastLiveSeq,
                lastCustomerFeedSeq, shopReadNumber);
    }

    /** After the customer message {@code number}, created by {@code seq}, was restored. */
    public CustomerMessageCounters afterRestore(int number, long seq) {
        boolean newest = number > lastLiveCustomerNumber;
        return new CustomerMessageCounters(customerCount, deletedCustomerCount - 1,
                newest ? number : lastLiveCustomerNumber, newest ? seq : lastLiveCustomerFeedSeq, lastCustomerFeedSeq,
                shopReadNumber);
    }

    /** The counters with the shop's read-up-to customer number set to {@code value}. */
    public CustomerMessageCounters withShopReadNumber(int value) {
        return new CustomerMessageCounters(customerCount, deletedCustomerCount, lastLiveCustomerNumber,
                lastLiveCustomerFeedSeq, lastCustomerFeedSeq, value);
    }
}
