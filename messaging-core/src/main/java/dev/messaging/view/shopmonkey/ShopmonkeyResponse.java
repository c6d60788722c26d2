package dev.messaging.view.shopmonkey;

import dev.messaging.common.Page;
import java.util.List;
import java.util.function.Function;

/** The Shopmonkey success envelope: {@code {success, data, meta {hasMore, total}}} ({@code meta} on lists). */
public record ShopmonkeyResponse<T>(boolean success, T data, ShopmonkeyListMeta meta) {

    /** A successful response carrying {@code data}. */
    public static <T> ShopmonkeyResponse<T> of(T data) {
        return new ShopmonkeyResponse<>(true, data, null);
    }

    /** A page as a Shopmonkey list: the items mapped, {@code meta.hasMore} and {@code meta.total} (null unless counted). */
    public static <D, T> ShopmonkeyResponse<List<T>> page(Page<D> page, Function<D, T> view) {
        return new ShopmonkeyResponse<>(true, page.items().stream().map(view).toList(),
                new ShopmonkeyListMeta(page.hasMore(), page.total()));
    }
}
