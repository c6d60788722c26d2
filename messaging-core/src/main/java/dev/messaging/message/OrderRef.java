package dev.messaging.message;

/**
 * The service's order a message is about ({@code orderId}, {@code orderNumber}), and whether the
 * message shares it with the customer ({@code isShare}, of {@code shareType}: the reference's
 * {@code isOrderShare} and {@code orderShareType}). A share needs the order id and the type.
 */
public record OrderRef(String orderId, String orderNumber, boolean isShare, OrderShareType shareType) {
    public static final OrderRef NONE = new OrderRef(null, null, false, null);

    /** A message about an order, not sharing it. */
    public static OrderRef of(String orderId, String orderNumber) {
        return new OrderRef(orderId, orderNumber, false, null);
    }

    /** The order shared with the customer as {@code type}. */
    public static OrderRef share(String orderId, String orderNumber, OrderShareType type) {
        return new OrderRef(orderId, orderNumber, true, type);
    }
}
