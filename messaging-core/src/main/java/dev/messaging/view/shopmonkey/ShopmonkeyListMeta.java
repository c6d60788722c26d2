package dev.messaging.view.shopmonkey;

/** The {@code meta} of a Shopmonkey list response. */
public record ShopmonkeyListMeta(Boolean hasMore, Long total) {
}
