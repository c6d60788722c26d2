package dev.messaging.view.shopmonkey;

import dev.messaging.inbox.InboxEntry;

/**
 * One row of the Shopmonkey {@code GET /v3/user/:id/inbox}: the newest message's fields (it is a
 * {@link ShopmonkeyMessage}), plus the {@code customer}, the user's {@code messageThreadMetadata}
 * and the {@code order}.
 */
public class ShopmonkeyInboxEntry extends ShopmonkeyMessage {
    public ShopmonkeyCustomer customer;
    public MessageThreadMetadataView messageThreadMetadata;
    public ShopmonkeyOrder order;

    /** An empty row, for a JSON library to fill. */
    public ShopmonkeyInboxEntry() {
    }

    /** One inbox row in Shopmonkey's shape. */
    public static ShopmonkeyInboxEntry from(InboxEntry e) {
        ShopmonkeyInboxEntry view = new ShopmonkeyInboxEntry();
        view.fill(e.message());
        view.customer = ShopmonkeyCustomer.from(e.conversation().customerId(), e.customer());
        view.messageThreadMetadata = MessageThreadMetadataView.from(e.messageThreadMetadata());
        view.order = ShopmonkeyOrder.from(e.orderId(), e.orderNumber());
        return view;
    }
}
