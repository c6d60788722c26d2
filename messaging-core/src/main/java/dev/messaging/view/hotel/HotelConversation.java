package dev.messaging.view.hotel;

import dev.messaging.conversation.Contact;
import dev.messaging.conversation.Conversation;
import dev.messaging.message.Message;
import dev.messaging.outlet.Outlet;
import dev.messaging.view.Iso;
import java.util.List;

/**
 * A conversation of the hotel API with its messages. {@code propertyCode} is the location id;
 * {@code roomNumber} has no place in the domain (the service owns stays) and is null.
 */
public record HotelConversation(
        String code,
        String subject,
        String outletCode,
        String orderCode,
        String outletName,
        String propertyCode,
        String roomNumber,
        String guestFirstName,
        String guestLastName,
        String guestLanguageCode,
        String conversationStatus,
        String conversationType,
        List<HotelMessage> messages) {

    /** {@code c} with its messages and outlet in the hotel API's shape. */
    public static HotelConversation from(Conversation c, List<Message> messages, Outlet outlet) {
        Contact guest = c.contact();
        String outletName = outlet == null ? null : outlet.name();
        return new HotelConversation(c.id(), c.subject(), c.outletCode(), c.orderCode(), outletName, c.locationId(),
                null, guest == null ? null : guest.firstName(), guest == null ? null : guest.lastName(),
                guest == null ? null : guest.languageCode(), Iso.wire(c.status()),
                c.conversationType() == null ? "" : c.conversationType().wireValue(),
                messages.stream().map(m -> HotelMessage.from(m, c, outletName)).toList());
    }
}
