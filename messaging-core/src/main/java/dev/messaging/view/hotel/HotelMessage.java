package dev.messaging.view.hotel;

import dev.messaging.conversation.Contact;
import dev.messaging.conversation.Conversation;
import dev.messaging.conversation.ConversationType;
import dev.messaging.message.AuthorType;
import dev.messaging.message.Message;
import dev.messaging.view.Iso;

/**
 * A message of the hotel API. In a guest conversation the guest's name (from the contact) is the
 * creator of the guest's messages ({@code firstName}/{@code lastName}). {@code messageType} is the
 * author type; {@code isRead} whether the shop has read it (always true for the shop's own);
 * {@code conversationId} is numeric in the hotel API and has no counterpart in the domain's opaque
 * ids, so it is null.
 */
public record HotelMessage(
        String createDate,
        String code,
        Boolean isRead,
        String serviceCenterName,
        String messageType,
        String content,
        String firstName,
        String lastName,
        String languageCode,
        Boolean isTranslated,
        Long conversationId) {

    /** {@code m} in the hotel API's shape. */
    public static HotelMessage from(Message m, Conversation c, String outletName) {
        boolean fromGuest = m.authorType() == AuthorType.CUSTOMER;
        Contact guest = c.conversationType() == ConversationType.GUEST && fromGuest ? c.contact() : null;
        return new HotelMessage(Iso.date(m.createdDate()), m.id(), fromGuest ? m.shopRead() : Boolean.TRUE, outletName,
                Iso.wire(m.authorType()), m.text(), guest == null ? null : guest.firstName(),
                guest == null ? null : guest.lastName(), m.translation().languageCode(), m.translation().isTranslated(), null);
    }
}
