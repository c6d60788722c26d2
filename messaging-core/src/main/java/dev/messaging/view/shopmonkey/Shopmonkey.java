package dev.messaging.view.shopmonkey;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.inbox.InboxQuery;
import java.util.List;

/**
 * Answers for a service that speaks the Shopmonkey v3 API, each in one call. For example
 * {@code GET /v3/user/{id}/inbox}: {@code Shopmonkey.inbox(messaging, user, InboxQuery.all())},
 * rendered as JSON by any library with default settings.
 */
public final class Shopmonkey {
    private Shopmonkey() {
    }

    /** The user's inbox in the Shopmonkey shape ({@code success, data[], meta {hasMore, total}}). */
    public static ShopmonkeyResponse<List<ShopmonkeyInboxEntry>> inbox(Messaging messaging, Actor user,
            InboxQuery query) {
        return ShopmonkeyResponse.page(messaging.inbox().list(user, query), ShopmonkeyInboxEntry::from);
    }

    /** {@code PUT /v3/message_thread_metadata/:id/read}. */
    public static ShopmonkeyResponse<MessageThreadMetadataView> markRead(Messaging messaging, Actor user,
            String threadId) {
        return ShopmonkeyResponse.of(MessageThreadMetadataView.from(messaging.threads().markRead(user, threadId)));
    }

    /** {@code GET /v3/user/:id/notification_config}: a list of one, as the reference shows. */
    public static ShopmonkeyResponse<List<NotificationConfigView>> notificationConfig(Messaging messaging,
            Actor actor, String userId) {
        return ShopmonkeyResponse.of(List.of(NotificationConfigView.from(
                messaging.notificationConfig().get(actor, userId))));
    }
}
