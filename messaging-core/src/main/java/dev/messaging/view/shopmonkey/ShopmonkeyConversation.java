package dev.messaging.view.shopmonkey;

import dev.messaging.common.ChangeMeta;
import dev.messaging.common.Deletion;
import dev.messaging.conversation.Conversation;
import dev.messaging.view.Iso;
import java.util.Map;

/**
 * The Shopmonkey v3 Conversation schema (go-datamodel {@code v3/Conversation.go}). {@code meta} is
 * the most recent change (user, session, version); {@code metadata} the service's own JSON object,
 * kept as given; {@code UPGRADE_orderId} is the order id under the name upstream uses.
 */
public record ShopmonkeyConversation(
        String id,
        String createdDate,
        String updatedDate,
        ShopmonkeyMeta meta,
        Map<String, Object> metadata,
        String locationId,
        String companyId,
        Boolean archived,
        String customerId,
        String UPGRADE_orderId,
        Boolean deleted,
        String deletedUserId,
        String deletedDate,
        String deletedReason) {

    /** {@code c} in Shopmonkey's conversation fields. */
    public static ShopmonkeyConversation from(Conversation c) {
        return new ShopmonkeyConversation(c.id(), Iso.date(c.createdDate()), Iso.date(c.updatedDate()),
                ShopmonkeyMeta.from(c.meta()), c.metadata().isEmpty() ? null : c.metadata(), c.locationId(),
                c.companyId(), c.archived(), c.customerId(), c.orderId(), c.deleted(), c.deletedUserId(),
                Iso.date(c.deletedDate()), c.deletedReason());
    }

    /** The domain conversation these fields describe (fields the schema lacks stay empty; no meta is version 1). */
    public Conversation toDomain() {
        return Conversation.builder().id(id).createdDate(Iso.date("createdDate", createdDate))
                .updatedDate(Iso.date("updatedDate", updatedDate)).locationId(locationId).companyId(companyId)
                .meta(meta == null ? ChangeMeta.first(null, null) : meta.toDomain()).metadata(metadata)
                .archived(Iso.flag(archived)).customerId(customerId)
                .orderId(UPGRADE_orderId)
                .deletion(Iso.flag(deleted) ? new Deletion(deletedUserId, Iso.date("deletedDate", deletedDate),
                        deletedReason) : null)
                .build();
    }
}
