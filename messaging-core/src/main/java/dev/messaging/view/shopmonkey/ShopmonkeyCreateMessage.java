package dev.messaging.view.shopmonkey;

import dev.messaging.message.EmailOptions;
import dev.messaging.message.MessageFile;
import dev.messaging.message.MessageLinks;
import dev.messaging.message.NewMessage;
import dev.messaging.message.OrderRef;
import dev.messaging.message.OrderShareType;
import dev.messaging.message.SmsOptions;
import dev.messaging.message.SuggestedReply;
import dev.messaging.message.SuggestedReplyState;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The body of Shopmonkey {@code POST /v3/message}. {@code files} are file ids: the service resolves
 * them to files ({@code resolver}; an id it does not know is a validation error on {@code files[i]}).
 */
public record ShopmonkeyCreateMessage(
        Boolean sendEmail,
        String emailSubject,
        Boolean sendSms,
        Boolean isOrderShare,
        String orderShareType,
        String orderId,
        String vehicleId,
        String suggestedReplyState,
        String emailId,
        String phoneNumberId,
        String text,
        String customerId,
        List<String> files) {

    /** The domain request; every problem of the body is listed in one validation error when it is created. */
    public NewMessage toDomain(Function<String, Optional<MessageFile>> resolver) {
        NewMessage.Builder b = NewMessage.to(customerId, text);
        List<MessageFile> resolved = new ArrayList<>();
        if (files != null) {
            for (int i = 0; i < files.size(); i++) {
                Optional<MessageFile> file = files.get(i) == null ? Optional.empty() : resolver.apply(files.get(i));
                if (file.isPresent()) {
                    resolved.add(file.get());
                } else {
                    b.problem("files[" + i + "]", "unknown file id '" + files.get(i) + "'");
                }
            }
        }
        return b.sendEmail(sendEmail).sendSms(sendSms)
                .emailOptions(new EmailOptions(emailSubject, emailId, null))
                .smsOptions(new SmsOptions(phoneNumberId, false))
                .order(new OrderRef(orderId, null, Boolean.TRUE.equals(isOrderShare),
                        b.wire(OrderShareType.class, "orderShareType", orderShareType)))
                .links(MessageLinks.NONE.withVehicleId(vehicleId))
                .suggestedReply(new SuggestedReply(null,
                        b.wire(SuggestedReplyState.class, "suggestedReplyState", suggestedReplyState)))
                .files(resolved).build();
    }
}
