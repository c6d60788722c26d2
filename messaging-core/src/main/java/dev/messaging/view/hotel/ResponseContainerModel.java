package dev.messaging.view.hotel;

import java.util.List;

/**
 * The hotel API's composite response: the session token, the names of the responses included,
 * the responses, and the composite status ("Success").
 */
public record ResponseContainerModel(String sessionToken, String responsesIncluded, List<Response> responses,
        String status) {

    /** One response of the container. */
    public record Response(CreateConversationResponse createConversationResponse) {
    }

    /** The createConversationResponse: its content and whether it succeeded. */
    public record CreateConversationResponse(Content content, Boolean succeeded) {
    }

    /** The content: the conversation. */
    public record Content(HotelConversation conversation) {
    }

    /** The answer to a successful create-conversation call. */
    public static ResponseContainerModel created(String sessionToken, HotelConversation conversation) {
        return new ResponseContainerModel(sessionToken, "createConversationResponse",
                List.of(new Response(new CreateConversationResponse(new Content(conversation), true))), "Success");
    }
}
