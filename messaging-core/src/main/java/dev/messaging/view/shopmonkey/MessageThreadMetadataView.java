package dev.messaging.view.shopmonkey;

import dev.messaging.thread.ThreadMetadata;
import dev.messaging.view.Iso;

/** The Shopmonkey MessageThreadMetadata schema. */
public record MessageThreadMetadataView(
        String id,
        String createdDate,
        String updatedDate,
        String locationId,
        String companyId,
        String unreadTimestamp,
        Integer unreadMessagesCount,
        Boolean important,
        Boolean archived,
        String userId,
        String customerId) {

    /** The thread state {@code t} on the wire. */
    public static MessageThreadMetadataView from(ThreadMetadata t) {
        return new MessageThreadMetadataView(t.id(), Iso.date(t.createdDate()), Iso.date(t.updatedDate()),
                t.locationId(), t.companyId(), Iso.date(t.unreadTimestamp()), t.unreadMessagesCount(), t.important(),
                t.archived(), t.userId(), t.customerId());
    }
}
