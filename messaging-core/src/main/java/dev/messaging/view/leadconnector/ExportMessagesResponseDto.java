package dev.messaging.view.leadconnector;

import dev.messaging.common.Page;
import dev.messaging.message.Message;
import java.util.List;

/**
 * LeadConnector ExportMessagesResponseDto: a page of a location's messages with the cursor of the
 * next ({@code nextCursor}, null on the last page) and the {@code total} when it was counted.
 */
public record ExportMessagesResponseDto(List<GetMessageResponseDto> messages, String nextCursor, Long total) {

    /** The response of one page of messages. */
    public static ExportMessagesResponseDto from(Page<Message> page) {
        return new ExportMessagesResponseDto(page.items().stream().map(GetMessageResponseDto::from).toList(),
                page.nextCursor(), page.total());
    }
}
