package dev.messaging.view.leadconnector;

import dev.messaging.common.Page;
import dev.messaging.message.Message;
import java.util.List;

/**
 * LeadConnector GetMessagesByConversationResponseDto: a page of a conversation's messages.
 * {@code nextPage} says whether more follow; {@code lastMessageId} is where the next page starts —
 * the library's page cursor, which a service passes back as the request's {@code lastMessageId} and
 * on to {@code MessageQuery.after}.
 */
public record GetMessagesByConversationResponseDto(String lastMessageId, Boolean nextPage,
        List<GetMessageResponseDto> messages) {

    /** The response of one page of {@code messages().list}. */
    public static GetMessagesByConversationResponseDto from(Page<Message> page) {
        return new GetMessagesByConversationResponseDto(page.nextCursor(), page.hasMore(),
                page.items().stream().map(GetMessageResponseDto::from).toList());
    }
}
