package dev.messaging.view.leadconnector;

import dev.messaging.common.Page;
import dev.messaging.conversation.ConversationHit;
import java.util.List;

/** LeadConnector search response: the page's conversations and the {@code total} (null unless counted). */
public record SendConversationResponseDto(List<ConversationSchema> conversations, Long total) {

    /** The search response of one page of hits. */
    public static SendConversationResponseDto from(Page<ConversationHit> page) {
        return new SendConversationResponseDto(page.items().stream()
                .map(hit -> ConversationSchema.from(hit.conversation(), hit.thread())).toList(), page.total());
    }
}
