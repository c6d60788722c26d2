package dev.messaging.view.hotel;

import dev.messaging.Messaging;
import dev.messaging.common.Actor;
import dev.messaging.conversation.Contact;
import dev.messaging.conversation.GuestConversation;
import dev.messaging.error.ValidationException;
import dev.messaging.message.MessageQuery;
import dev.messaging.outlet.Outlet;
import dev.messaging.view.Iso;
import java.util.Map;

/** Answers for a service that speaks the hotel guest-messaging API. */
public final class Hotel {
    private Hotel() {
    }

    /**
     * {@code POST .../Conversations}: starts (or continues) the guest's conversation with the
     * request's message, in one transaction, and answers with the conversation and its messages.
     */
    public static ResponseContainerModel createConversation(Messaging messaging, Actor guest, Contact guestContact,
            CreateConversationRequest request) {
        GuestConversation started;
        try {
            started = messaging.conversations().start(guest, request.conversation(guest.customerId(), guestContact),
                    request.firstMessage());
        } catch (ValidationException e) {
            throw Iso.renamed(e, Map.of("text", "message"));
        }
        Outlet outlet = messaging.outlets().list(guest.isCustomer() ? staffView(guest) : guest).stream()
                .filter(o -> o.code().equals(started.conversation().outletCode())).findFirst().orElse(null);
        var messages = messaging.messages().list(guest, started.conversation().id(), MessageQuery.first().limit(100))
                .items();
        return ResponseContainerModel.created(request.sessionToken(),
                HotelConversation.from(started.conversation(), messages, outlet));
    }

    /** Outlet names are location data: read them as the system of the guest's location. */
    private static Actor staffView(Actor guest) {
        return Actor.system(guest.tenant().companyId(), guest.tenant().locationId());
    }
}
