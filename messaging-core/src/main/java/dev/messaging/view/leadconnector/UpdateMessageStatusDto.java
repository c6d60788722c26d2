package dev.messaging.view.leadconnector;

import dev.messaging.message.DeliveryChannel;
import dev.messaging.message.DeliveryUpdate;
import dev.messaging.view.Iso;
import java.util.List;

/**
 * LeadConnector UpdateMessageStatusDto: a custom provider's status callback
 * ({@code PUT /conversations/messages/{messageId}/status}): {@code delivered}, {@code failed},
 * {@code pending} or {@code read}, the provider's error, the email's provider id and the status of
 * additional recipients. v2 declares {@code recipients} strings, v3 declares strings and shows
 * objects ({@code {"emailId": ..., "status": ...}}): each is kept as it came.
 */
public record UpdateMessageStatusDto(String status, ErrorDto error, String emailMessageId, List<Object> recipients) {

    /**
     * The report for {@code messages().updateDelivery} on the message's {@code channel} send: the
     * status in the domain's words and the error as one line. An unknown status is a validation
     * error on {@code status}.
     */
    public DeliveryUpdate toUpdate(DeliveryChannel channel) {
        LeadConnectorStatus word = Iso.wire(LeadConnectorStatus.class, "status", status);
        return new DeliveryUpdate(channel, word == null ? null : word.toDomain(), error == null ? null : error.text());
    }
}
