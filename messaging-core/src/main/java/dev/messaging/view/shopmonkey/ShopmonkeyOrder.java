package dev.messaging.view.shopmonkey;

/** The {@code order} of a Shopmonkey inbox row; {@code number} is numeric there (null when the order number is not). */
public record ShopmonkeyOrder(String id, Long number) {

    static ShopmonkeyOrder from(String orderId, String orderNumber) {
        if (orderId == null && orderNumber == null) {
            return null;
        }
        Long number = orderNumber != null && orderNumber.matches("\\d{1,18}") ? Long.valueOf(orderNumber) : null;
        return new ShopmonkeyOrder(orderId, number);
    }
}
